package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.ApiCalls;
import kz.nobd.dashboard.browser.data.ApiFigures;
import kz.nobd.dashboard.browser.data.ExactJson;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Sessions;
import kz.nobd.dashboard.browser.driver.PageFigures;
import kz.nobd.testing.Tokens;

/**
 * The parts an oblast page loads after it is shown: the trend (a card per past date) and completeness (the current
 * reporting period's returns per status, and the schools that have not signed), equal to the API's answers.
 */
@QuarkusTest
class FragmentsIT {
    static final String OBLAST = SeededData.AKMOLA;
    static final int LISTED = 100;
    static SeededData data;
    static Browser browser;

    @BeforeAll
    static void open() {
        data = SeededData.get();
        browser = Sessions.of(Tokens.OBLAST_AKMOLA).open("/oblast/" + OBLAST);
        browser.waitForFragments();
    }

    @Test
    void theTrendHasTheCardOfEachDate() {
        Map<String, Map<String, String>> trend = new PageFigures(browser).trendTable();
        List<String> dates = new ArrayList<>(trend.keySet());

        assertThat(dates).isEqualTo(trendDates());
        for (String date : List.of(dates.get(dates.size() - 1), dates.get(dates.size() - 3))) {
            JsonNode card = ApiCalls.indicators(Tokens.OBLAST_AKMOLA, Map.of("level", "OBLAST", "kato", OBLAST,
                    "asOf", date));
            assertThat(trend.get(date)).as(date).isEqualTo(ApiFigures.totals(card));
        }
        assertThat(trend.get(data.today.toString()).get("students")).isNotEmpty();
    }

    @Test
    void completenessCountsTheCurrentPeriodsReturns() {
        JsonNode period = current(ApiCalls.report(Tokens.OBLAST_AKMOLA, "/periods", Map.of()).path("periods"));
        JsonNode completeness = ApiCalls.report(Tokens.OBLAST_AKMOLA, "/completeness",
                Map.of("period", period.path("id").asText(), "kato", OBLAST));
        Map<String, String> counts = new TreeMap<>();
        counts.put("expected", ExactJson.text(completeness.path("expected")));
        completeness.path("byStatus").fields().forEachRemaining(e -> counts.put(e.getKey(), ExactJson.text(e.getValue())));
        List<String> notSigned = new ArrayList<>();
        completeness.path("returns").forEach(r -> {
            if (List.of("DRAFT", "RETURNED").contains(r.path("status").asText())) {
                notSigned.add(r.path("bin").asText());
            }
        });
        counts.put("notReported", Integer.toString(notSigned.size()));

        PageFigures page = new PageFigures(browser);
        assertThat(browser.driver().findElement(By.id("period-name")).getText()).isEqualTo(period.path("name").asText());
        assertThat(page.completeness()).isEqualTo(counts);
        // the page names at most nobd.dashboard.completeness-listed (100) of them, by name
        List<String> listed = page.attributes("#completeness a.missing-school", "data-code");
        assertThat(notSigned).isNotEmpty().containsAll(listed);
        assertThat(listed).doesNotHaveDuplicates().hasSize(Math.min(LISTED, notSigned.size()));
    }

    /** the 1st of each of the last nobd.dashboard.trend-months months and today, oldest first */
    private static List<String> trendDates() {
        int months = ConfigProvider.getConfig().getOptionalValue("nobd.dashboard.trend-months", Integer.class).orElse(24);
        List<String> dates = new ArrayList<>();
        for (LocalDate d = data.today.withDayOfMonth(1).minusMonths(months - 1L); !d.isAfter(data.today);
                d = d.plusMonths(1)) {
            dates.add(d.toString());
        }
        if (!dates.contains(data.today.toString())) {
            dates.add(data.today.toString());
        }
        return dates;
    }

    /** the dashboard's current period: the newest OPEN one (the list is newest first), else the newest */
    private static JsonNode current(JsonNode periods) {
        for (JsonNode p : periods) {
            if ("OPEN".equals(p.path("status").asText())) {
                return p;
            }
        }
        return periods.path(0);
    }
}
