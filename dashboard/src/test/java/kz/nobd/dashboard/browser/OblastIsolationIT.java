package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.data.SyntheticSchool;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Sessions;
import kz.nobd.dashboard.browser.driver.NetworkLog;
import kz.nobd.testing.Tokens;

/**
 * oblast.akmola never receives another oblast's numbers or names: not on the pages and not in any response the
 * browser got from the dashboard (pages, the trend and completeness parts, a CSV), read through DevTools.
 */
@QuarkusTest
class OblastIsolationIT {
    static SeededData data;

    @BeforeAll
    static void seed() {
        data = SeededData.get();
    }

    @Test
    void noResponseToAkmolasUserNamesAktobe() {
        SyntheticSchool akmolaSchool = data.akmola.get(0);
        Map<String, String> bodies;
        Browser browser = Sessions.of(Tokens.OBLAST_AKMOLA);
        try (NetworkLog network = NetworkLog.record(browser)) {
            for (String page : List.of("/oblast/" + SeededData.AKMOLA, "/district/" + akmolaSchool.districtKato(),
                    "/school/" + akmolaSchool.bin())) {
                browser.open(page);
                browser.waitForFragments();
                network.collect();
            }
            browser.script("return fetch('/csv/units?level=OBLAST&kato=" + SeededData.AKMOLA + "').then(r => r.text())");
            bodies = network.bodies();
        }

        assertThat(bodies.keySet()).anyMatch(u -> u.endsWith("/oblast/" + SeededData.AKMOLA))
                .anyMatch(u -> u.contains("/fragments/trend?level=OBLAST"))
                .anyMatch(u -> u.contains("/fragments/completeness?level=OBLAST"))
                .anyMatch(u -> u.contains("/fragments/trend?level=SCHOOL"))
                .anyMatch(u -> u.contains("/csv/units"));
        assertThat(String.join("\n", bodies.values())).as("what the user may see arrived")
                .contains("Ақмола облысы", akmolaSchool.bin(), akmolaSchool.nameKk());
        List<String> aktobe = new ArrayList<>(List.of(SeededData.AKTOBE, "153200000", "151000000", "Ақтөбе облысы",
                "Ақтөбе", "Актюбинская"));
        for (SyntheticSchool school : data.aktobe) {
            aktobe.addAll(List.of(school.bin(), school.nameKk(), school.nameRu()));
        }
        bodies.forEach((url, body) -> assertThat(body).as(url).doesNotContain(aktobe));
    }
}
