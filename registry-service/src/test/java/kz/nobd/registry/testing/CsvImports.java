package kz.nobd.registry.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;

import io.restassured.response.Response;
import kz.nobd.testing.Callers;

/** POST /institutions/import as a clerk uploads a file: UTF-8 bytes, Content-Type text/csv without a charset. */
public final class CsvImports {
    public static final String HEADER = "bin,nameKk,nameRu,type,ownership,kato,languages,openedOn\n";

    private CsvImports() {
    }

    /** A valid data row for a school at {@code kato}, named "Школа {bin}". */
    public static String row(String bin, String kato) {
        return bin + ",Мектеп," + "Школа " + bin + ",SCHOOL,STATE," + kato + ",KK;RU,2001-09-01\n";
    }

    /**
     * Imports {@code csv} and waits for the job: the final GET of the job (200, DONE or FAILED, with the counts and
     * the per-row report) when the file was accepted (202), else the refusal itself (400, 401, 403, 413, 503...).
     */
    public static Response post(String caller, String csv) {
        return finished(caller, submit(caller, csv, false));
    }

    /** The POST alone: 202 with the job (or a refusal). */
    public static Response submit(String caller, String csv, boolean dryRun) {
        var request = Callers.as(caller).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8));
        if (dryRun) {
            request.queryParam("dryRun", "true");
        }
        return request.post("/api/v1/institutions/import");
    }

    /** The job's final state, read as {@code caller}, when {@code submitted} was accepted; else {@code submitted}. */
    public static Response finished(String caller, Response submitted) {
        if (submitted.statusCode() != 202) {
            return submitted;
        }
        String job = submitted.header("Location");
        AtomicReference<Response> last = new AtomicReference<>();
        Awaitility.await("import job " + job).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Response read = Callers.as(caller).get(job);
                    last.set(read);
                    return read.statusCode() != 200 || read.jsonPath().getString("finishedAt") != null;
                });
        return last.get();
    }
}
