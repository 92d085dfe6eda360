package kz.nobd.dashboard.browser.driver;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in as a user does: a page of the dashboard sends the browser to Keycloak's login page (authorization
 * code flow with PKCE), the user types name and password, Keycloak sends the browser back to the page.
 */
public final class KeycloakLogin {
    public static final String PASSWORD = "demo";
    static final String AUTHORIZE = "/realms/nobd/protocol/openid-connect/auth";

    private KeycloakLogin() {
    }

    /** opens {@code path} of the dashboard, signs in as {@code user} and waits to be back on the dashboard */
    public static Browser signIn(Browser browser, String user, String path) {
        browser.open(path);
        awaitLoginPage(browser);
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
        // back on the dashboard, past its redirect endpoint (?code=...&state=...), the page loaded
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().startsWith(browser.base()) && !d.getCurrentUrl().contains("state=")
                        && "complete".equals(browser.script("return document.readyState")));
        return browser;
    }

    /** waits for Keycloak's login form (the browser was sent to the realm's authorization endpoint) */
    public static void awaitLoginPage(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains(AUTHORIZE) && !d.findElements(By.id("kc-login")).isEmpty());
    }
}
