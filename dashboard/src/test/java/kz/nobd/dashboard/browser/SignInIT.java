package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Browsers;
import kz.nobd.dashboard.browser.driver.KeycloakLogin;
import kz.nobd.dashboard.browser.driver.Sessions;
import kz.nobd.dashboard.browser.driver.ViewSize;
import kz.nobd.testing.Tokens;

/**
 * Signing in through Keycloak's login page: each role lands on its own page; without a session the browser is sent
 * to Keycloak (code flow with PKCE); a page outside the role or the jurisdiction is an error page without numbers.
 */
@QuarkusTest
class SignInIT {

    @BeforeAll
    static void seed() {
        SeededData.get();
    }

    @Test
    void ministryLandsOnTheCountry() {
        assertThat(Sessions.landing(Tokens.MINISTRY)).isEqualTo("/country");
        Browser browser = Sessions.of(Tokens.MINISTRY).open("/");
        assertThat(browser.awaitLocation("/country")).isEqualTo("/country");
        assertThat(browser.unit()).isEqualTo("NATIONAL ");
        assertThat(browser.driver().findElement(By.id("user")).getText()).startsWith(Tokens.MINISTRY);
    }

    @Test
    void oblastUserLandsOnItsOblast() {
        String oblast = "/oblast/" + SeededData.AKMOLA;
        assertThat(Sessions.landing(Tokens.OBLAST_AKMOLA)).isEqualTo(oblast);
        Browser browser = Sessions.of(Tokens.OBLAST_AKMOLA).open("/");
        assertThat(browser.awaitLocation(oblast)).isEqualTo(oblast);
        assertThat(browser.unit()).isEqualTo("OBLAST " + SeededData.AKMOLA);
    }

    @Test
    void schoolUserLandsOnItsSchool() {
        String school = "/school/" + Tokens.SCHOOL_AKMOLA_BIN;
        assertThat(Sessions.landing(Tokens.SCHOOL_AKMOLA)).isEqualTo(school);
        Browser browser = Sessions.of(Tokens.SCHOOL_AKMOLA).open("/");
        assertThat(browser.awaitLocation(school)).isEqualTo(school);
        assertThat(browser.unit()).isEqualTo("SCHOOL " + Tokens.SCHOOL_AKMOLA_BIN);
    }

    @Test
    void withoutASessionTheBrowserIsSentToKeycloak() {
        try (Browser browser = Browsers.open(ViewSize.DESKTOP)) {
            browser.open("/country");
            KeycloakLogin.awaitLoginPage(browser);
            String keycloak = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
            assertThat(browser.location()).startsWith(keycloak + "/protocol/openid-connect/auth?")
                    .contains("client_id=nobd-dashboard", "response_type=code", "code_challenge_method=S256");
            assertThat(browser.driver().findElements(By.id("unit-name"))).isEmpty();
        }
    }

    @Test
    void aSchoolUserOpeningTheCountryGetsTheForbiddenPage() {
        Browser browser = Sessions.of(Tokens.SCHOOL_AKMOLA).open("/country");
        assertThat(browser.attribute(By.id("error"), "data-status")).isEqualTo("403");
        assertThat(browser.driver().findElements(By.cssSelector("[data-value]"))).isEmpty();
    }

    @Test
    void anOblastUserOpeningAnotherOblastGetsNotFoundWithoutNumbers() {
        Browser browser = Sessions.of(Tokens.OBLAST_AKMOLA).open("/oblast/" + SeededData.AKTOBE);
        assertThat(browser.attribute(By.id("error"), "data-status")).isEqualTo("404");
        assertThat(browser.driver().findElements(By.cssSelector("[data-value], #card, #map, #units-table"))).isEmpty();
        String text = browser.driver().findElement(By.tagName("main")).getText();
        assertThat(text.replace("404", "")).doesNotContainPattern("\\d");
        assertThat(browser.source()).doesNotContain("Ақтөбе", "Актюбинская");
    }
}
