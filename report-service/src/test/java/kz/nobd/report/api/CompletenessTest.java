package kz.nobd.report.api;

import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKTOBE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;
import kz.nobd.report.testing.Cards;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Ids;

/**
 * Completeness from facts.submissions.v1: expected = OPEN general-education schools, reported = those with an
 * accepted submission of the kind since {@code since}; closed schools and other types leave the expectation. The
 * district (Zhanaozen, Mangystau) also holds earlier runs' schools: the test checks its own schools by BIN and the
 * counts by how much they grew.
 */
@QuarkusTest
class CompletenessTest {
    static final String DISTRICT = "471800000";

    @Test
    void expectedReportedAndMissingSchools() {
        Reports.awaitReady();
        JsonPath enrolmentBefore = completeness("enrolment");
        String reported = Ids.bin(), stale = Ids.bin(), equipmentOnly = Ids.bin(), closed = Ids.bin(), college = Ids.bin();
        Instant now = Instant.now();
        FactProducer.publishCard(Cards.school(reported, DISTRICT));
        FactProducer.publishCard(Cards.open(stale, DISTRICT, InstitutionType.SMALL_SCHOOL, Ownership.STATE, Locality.URBAN));
        FactProducer.publishCard(Cards.open(equipmentOnly, DISTRICT, InstitutionType.BOARDING, Ownership.PRIVATE,
                Locality.RURAL));
        InstitutionCard closing = Cards.school(closed, DISTRICT);
        FactProducer.publishCard(closing);
        FactProducer.publishCard(Cards.closed(closing, Reports.today().minusDays(1)));
        FactProducer.publishCard(Cards.open(college, DISTRICT, InstitutionType.COLLEGE, Ownership.STATE, Locality.URBAN));
        FactProducer.submission(reported, "ENROLMENT", now);
        FactProducer.submission(stale, "ENROLMENT", now.minus(400, ChronoUnit.DAYS));
        FactProducer.submission(equipmentOnly, "EQUIPMENT", now);
        FactProducer.submission(closed, "ENROLMENT", now);
        FactProducer.submission(college, "ENROLMENT", now);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = completeness("enrolment");
            assertThat(after.getList("missing.bin", String.class)).contains(stale, equipmentOnly)
                    .doesNotContain(reported, closed, college);
            assertThat(after.getInt("expected") - enrolmentBefore.getInt("expected")).isEqualTo(3);
            assertThat(after.getInt("reported") - enrolmentBefore.getInt("reported")).isEqualTo(1);
            assertThat(after.getInt("notReported")).isEqualTo(after.getInt("expected") - after.getInt("reported"));
            assertThat(after.getDouble("rate")).isBetween(0.0, 1.0);
        });
        JsonPath equipment = completeness("equipment");
        assertThat(equipment.getList("missing.bin", String.class)).contains(reported, stale)
                .doesNotContain(equipmentOnly, closed, college);
        JsonPath sinceLongAgo = Reports.get(MINISTRY, "/api/v1/completeness", Map.of("kind", "enrolment", "kato",
                DISTRICT, "since", Reports.today().minusDays(500).toString())).then().statusCode(200).extract().jsonPath();
        assertThat(sinceLongAgo.getList("missing.bin", String.class)).doesNotContain(stale, reported);
        assertThat(Reports.get(OBLAST_AKTOBE, "/api/v1/completeness", Map.of("kind", "enrolment", "kato", DISTRICT))
                .statusCode()).isEqualTo(404);
    }

    private static JsonPath completeness(String kind) {
        return Reports.get(MINISTRY, "/api/v1/completeness", Map.of("kind", kind, "kato", DISTRICT)).then()
                .statusCode(200).extract().jsonPath();
    }

}
