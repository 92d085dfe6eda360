package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.data.SyntheticSchool;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Sessions;
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
        Browser browser = Sessions.of(Tokens.MINISTRY).open("/country");
        assertThat(browser.unit()).isEqualTo("NATIONAL ");

        clickTo(browser, SeededData.AKMOLA, "/oblast/" + SeededData.AKMOLA);
        assertThat(browser.unit()).isEqualTo("OBLAST " + SeededData.AKMOLA);

        clickTo(browser, school.districtKato(), "/district/" + school.districtKato());
        assertThat(browser.unit()).isEqualTo("DISTRICT " + school.districtKato());

        clickTo(browser, school.bin(), "/school/" + school.bin());
        assertThat(browser.unit()).isEqualTo("SCHOOL " + school.bin());
    }

    /** clicks the map's tile of {@code code}: the browser goes to {@code page} */
    private static void clickTo(Browser browser, String code, String page) {
        browser.click(By.cssSelector("#map a.tile[data-code='" + code + "']"));
        assertThat(browser.awaitLocation(page)).isEqualTo(page);
    }
}
