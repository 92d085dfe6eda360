package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Browsers;
import kz.nobd.testing.Tokens;

/** The language links switch the page between Kazakh and Russian and stay on the same page. */
@QuarkusTest
class LanguageSwitchIT {

    @BeforeAll
    static void seed() {
        SeededData.get();
    }

    @Test
    void russianAndBackToKazakh() {
        try (Browser browser = Browsers.signedIn(Tokens.OBLAST_AKMOLA, "/oblast/" + SeededData.AKMOLA)) {
            browser.waitFor(By.cssSelector("html[lang='kk']"));
            assertThat(browser.driver().findElement(By.id("card-h")).getText()).isEqualTo("Негізгі көрсеткіштер");
            assertThat(browser.driver().findElement(By.id("unit-name")).getText()).isEqualTo("Ақмола облысы");

            browser.click(By.cssSelector("a[hreflang='ru']"));
            browser.waitFor(By.cssSelector("html[lang='ru']"));
            assertThat(browser.location()).isEqualTo("/oblast/" + SeededData.AKMOLA);
            assertThat(browser.driver().findElement(By.id("card-h")).getText()).isEqualTo("Основные показатели");
            assertThat(browser.driver().findElement(By.id("unit-name")).getText()).isEqualTo("Акмолинская область");
            assertThat(browser.attribute(By.cssSelector("a[hreflang='ru']"), "aria-current")).isEqualTo("true");

            browser.click(By.cssSelector("a[hreflang='kk']"));
            browser.waitFor(By.cssSelector("html[lang='kk']"));
            assertThat(browser.location()).isEqualTo("/oblast/" + SeededData.AKMOLA);
            assertThat(browser.driver().findElement(By.id("card-h")).getText()).isEqualTo("Негізгі көрсеткіштер");
        }
    }
}
