package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.ApiCalls;
import kz.nobd.dashboard.browser.data.ApiFigures;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.data.Submissions;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Sessions;
import kz.nobd.dashboard.browser.driver.PageFigures;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * school.akmola's own page: its card, its enrolment by grade and sex, its figures beside its district's and
 * oblast's, what ingest rejected, and the student another school also enrolled, whose IIN never reaches the page.
 */
@QuarkusTest
class SchoolPageIT {
    static final String BIN = Tokens.SCHOOL_AKMOLA_BIN;
    static SeededData data;
    static Browser school;

    @BeforeAll
    static void signIn() {
        data = SeededData.get();
        school = Sessions.of(Tokens.SCHOOL_AKMOLA);
    }

    /** the conflict is settled (the first school's TRANSFERRED to the second): the next run's list stays short */
    @AfterAll
    static void settleConflict() {
        Map<String, Object> transfer = Submissions.event("TRANSFERRED", data.conflictIin, BIN, 5, data.today);
        transfer.put("toSchoolBin", Tokens.SCHOOL_ALMATY_BIN);
        assertThat(Submissions.enrol(List.of(transfer)).path("accepted").asInt()).as("the conflict settled").isEqualTo(1);
    }

    @Test
    void theCardIsTheSchoolsCard() {
        school.open("/school/" + BIN);
        assertThat(new PageFigures(school).card()).isEqualTo(ApiFigures.card(ApiCalls.indicators(Tokens.SCHOOL_AKMOLA,
                Map.of("level", "SCHOOL", "bin", BIN))));
    }

    @Test
    void enrolmentIsTheRollupByGradeAndSex() {
        school.open("/school/" + BIN);
        JsonNode rollup = ApiCalls.report(Tokens.SCHOOL_AKMOLA, "/rollups/enrolment",
                Map.of("level", "SCHOOL", "bin", BIN, "by", "grade,sex", "size", 500));

        Map<String, Map<String, String>> expected = ApiFigures.enrolmentByGrade(rollup);
        assertThat(new PageFigures(school).enrolmentTable()).isEqualTo(expected).containsKeys("1", "2", "3", "4");
    }

    @Test
    void comparisonSetsTheSchoolBesideItsDistrictAndOblast() {
        school.open("/school/" + BIN);
        JsonNode row = ApiCalls.equipment(Tokens.SCHOOL_AKMOLA, "SCHOOL", null).path("rows").path(0);
        assertThat(row.path("bin").asText()).isEqualTo(BIN);
        JsonNode own = ApiCalls.indicators(Tokens.SCHOOL_AKMOLA, Map.of("level", "SCHOOL", "bin", BIN));
        JsonNode district = ApiCalls.indicators(Tokens.SCHOOL_AKMOLA,
                Map.of("level", "DISTRICT", "kato", row.path("districtKato").asText()));
        JsonNode oblast = ApiCalls.indicators(Tokens.SCHOOL_AKMOLA,
                Map.of("level", "OBLAST", "kato", row.path("oblastKato").asText()));

        Map<String, Map<String, String>> expected = new TreeMap<>();
        for (String indicator : ApiFigures.WITH_GAP) {
            expected.put(indicator, new TreeMap<>(Map.of("school", ApiFigures.totals(own).get(indicator),
                    "district", ApiFigures.totals(district).get(indicator),
                    "oblast", ApiFigures.totals(oblast).get(indicator))));
        }
        assertThat(new PageFigures(school).comparisonTable()).isEqualTo(expected);
        assertThat(expected.get("connectedShare")).doesNotContainValue("");
    }

    @Test
    void rejectionsListTheRejectedPromotion() {
        school.open("/school/" + BIN);
        assertThat(new PageFigures(school).texts("#rejections-table td[data-field=reason]"))
                .contains("INVALID_TRANSITION");
    }

    @Test
    void conflictsShowTheStudentsIinMaskedOnly() {
        school.open("/school/" + BIN);
        List<String> iins = new PageFigures(school).texts("#conflicts-table td[data-field=iin]");

        assertThat(iins).contains(Ids.masked(data.conflictIin)).allMatch(iin -> iin.matches("\\*{8}\\d{4}"));
        assertThat(school.source()).doesNotContain(data.conflictIin);
    }
}
