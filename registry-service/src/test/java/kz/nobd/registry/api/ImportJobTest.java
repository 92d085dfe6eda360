package kz.nobd.registry.api;

import static kz.nobd.registry.testing.Institutions.AKMOLA_VILLAGE;
import static kz.nobd.testing.Callers.NO_TOKEN;
import static kz.nobd.testing.Callers.as;
import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_ALMATY;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.registry.service.ImportAdmission;
import kz.nobd.registry.testing.CsvImports;
import kz.nobd.testing.Ids;

/**
 * A CSV import is a job: 202 with Location at once, then the job resource shows progress and, once DONE, the
 * report. A dry run reports what the import would do and stores nothing. A job is seen by the account that sent it
 * and by the ministry. Beyond the jobs a replica may hold, a file is refused with 503 before it is read.
 */
@QuarkusTest
class ImportJobTest {
    @Inject
    ImportAdmission admission;

    @Test
    void theImportAnswers202WithTheJobAndItsLocation() {
        String bin = Ids.bin();

        Response accepted = CsvImports.submit(OBLAST_AKMOLA, CsvImports.HEADER + CsvImports.row(bin, AKMOLA_VILLAGE),
                false);

        accepted.then().statusCode(202).body("received", equalTo(1)).body("dryRun", equalTo(false))
                .body("submittedBy", equalTo(OBLAST_AKMOLA)).body("$", hasKey("processed"))
                .header("Location", containsString("/api/v1/institutions/import-jobs/" + accepted.jsonPath().getString("id")));
        assertThat(accepted.jsonPath().getString("status")).isIn("QUEUED", "RUNNING", "DONE");
        Response done = CsvImports.finished(OBLAST_AKMOLA, accepted);
        done.then().statusCode(200).body("status", equalTo("DONE")).body("processed", equalTo(1))
                .body("created", equalTo(1)).body("rows[0].bin", equalTo(bin)).body("rows[0].outcome", equalTo("CREATED"));
        as(MINISTRY).get("/api/v1/institutions/" + bin).then().statusCode(200);
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndStoresNothing() {
        String existing = kz.nobd.registry.testing.Institutions.createSchool(AKMOLA_VILLAGE);
        String fresh = Ids.bin();
        String bad = Ids.bin();
        String csv = CsvImports.HEADER + CsvImports.row(fresh, AKMOLA_VILLAGE)
                + CsvImports.row(existing, AKMOLA_VILLAGE)
                + CsvImports.row(bad, AKMOLA_VILLAGE).replace("SCHOOL", "GYMNASIUM");

        Response done = CsvImports.finished(OBLAST_AKMOLA, CsvImports.submit(OBLAST_AKMOLA, csv, true));

        done.then().statusCode(200).body("status", equalTo("DONE")).body("dryRun", equalTo(true))
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("rejected", equalTo(1))
                .body("rows.outcome", equalTo(List.of("CREATED", "UPDATED", "REJECTED")));
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + fresh), 404);
        as(MINISTRY).get("/api/v1/institutions/" + existing).then().statusCode(200).body("version", equalTo(1))
                .body("nameRu", not(equalTo("Школа " + existing)));
        as(MINISTRY).get("/api/v1/institutions/" + existing + "/history").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aJobIsSeenByItsSenderAndTheMinistryOnly() {
        Response accepted = CsvImports.submit(OBLAST_AKMOLA,
                CsvImports.HEADER + CsvImports.row(Ids.bin(), AKMOLA_VILLAGE), true);
        String job = accepted.header("Location");
        CsvImports.finished(OBLAST_AKMOLA, accepted).then().statusCode(200);

        as(OBLAST_AKMOLA).get(job).then().statusCode(200).body("status", equalTo("DONE"));
        as(MINISTRY).get(job).then().statusCode(200).body("submittedBy", equalTo(OBLAST_AKMOLA));
        assertProblem(as(OBLAST_ALMATY).get(job), 404).body("$", not(hasKey("rows")));
        assertProblem(as(SCHOOL_AKMOLA).get(job), 403).body("$", not(hasKey("rows")));
        assertProblem(as(REPORT_CONSUMER).get(job), 403).body("$", not(hasKey("rows")));
        assertProblem(as(NO_TOKEN).get(job), 401).body("$", not(hasKey("rows")));
        assertProblem(as(MINISTRY).get("/api/v1/institutions/import-jobs/" + java.util.UUID.randomUUID()), 404);
        assertProblem(as(MINISTRY).get("/api/v1/institutions/import-jobs/not-a-job"), 404);
    }

    @Test
    void aDryRunFlagOtherThanTrueOrFalseIs400() {
        Response response = as(MINISTRY).contentType("text/csv").queryParam("dryRun", "yes")
                .body(CsvImports.HEADER + CsvImports.row(Ids.bin(), AKMOLA_VILLAGE))
                .post("/api/v1/institutions/import");

        assertInvalid(response, "dryRun", "true or false");
    }

    @Test
    void beyondTheJobsAReplicaMayHoldAFileIsRefusedWithRetryAfterAndNothingStored() {
        String bin = Ids.bin();
        String csv = CsvImports.HEADER + CsvImports.row(bin, AKMOLA_VILLAGE);
        List<Boolean> taken = new ArrayList<>();
        try {
            for (int i = 0; i < admission.capacity(); i++) {
                admission.admit();
                taken.add(true);
            }
            Response busy = CsvImports.submit(MINISTRY, csv, false);
            assertProblem(busy, 503).body("detail", containsString("CSV imports")).body("detail", containsString("later"));
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            assertProblem(as(MINISTRY).get("/api/v1/institutions/" + bin), 404);
        } finally {
            taken.forEach(t -> admission.release());
        }
        CsvImports.post(MINISTRY, csv).then().statusCode(200).body("created", equalTo(1));
        as(MINISTRY).get("/api/v1/institutions/" + bin).then().statusCode(200);
    }
}
