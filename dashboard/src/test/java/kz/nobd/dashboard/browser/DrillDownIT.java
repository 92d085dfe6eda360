package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.data.SyntheticSchool;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Browsers;
import kz.nobd.testing.Tokens;

/** From the country down to a school by clicking the map: oblast, district, school. */
@QuarkusTest
class DrillDownIT {
    static SeededData data;

    @BeforeAll
    static void seed() {
        data = SeededData.get();
    }

    @Test
    void theMinistryClicksFromTheCountryToASchool() {
        SyntheticSchool school = data.akmola.get(0);
        try (Browser browser = Browsers.signedIn(Tokens.MINISTRY, "/country")) {
            assertThat(browser.unit()).isEqualTo("NATIONAL ");

            browser.click(tile(SeededData.AKMOLA));
            assertThat(browser.awaitLocation("/oblast/" + SeededData.AKMOLA)).isEqualTo("/oblast/" + SeededData.AKMOLA);
            assertThat(browser.unit()).isEqualTo("OBLAST " + SeededData.AKMOLA);

            browser.click(tile(school.districtKato()));
            assertThat(browser.awaitLocation("/district/" + school.districtKato())).isEqualTo("/district/" + school.districtKato());
            assertThat(browser.unit()).isEqualTo("DISTRICT " + school.districtKato());

            browser.click(tile(school.bin()));
            assertThat(browser.awaitLocation("/school/" + school.bin())).isEqualTo("/school/" + school.bin());
            assertThat(browser.unit()).isEqualTo("SCHOOL " + school.bin());
        }
    }

    private static By tile(String code) {
        return By.cssSelector("#map a.tile[data-code='" + code + "']");
    }
}
