package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Browsers;
import kz.nobd.dashboard.browser.driver.ViewSize;
import kz.nobd.dashboard.browser.harness.RepositoryRoot;
import kz.nobd.testing.Tokens;

/**
 * Every view on a laptop and on a phone: no sideways scrolling, the skip link is the first stop of the keyboard, and
 * a screenshot of the first screen for docs/dashboard (written by this test, {@code <view>-<width>.png}).
 */
@QuarkusTest
class LayoutIT {
    static Browser browser;
    static Map<String, String> views;

    @BeforeAll
    static void signIn() {
        SeededData data = SeededData.get();
        views = new TreeMap<>(Map.of("country", "/country", "oblast", "/oblast/" + SeededData.AKMOLA,
                "district", "/district/" + SeededData.STEPNOGORSK, "school", "/school/" + Tokens.SCHOOL_AKMOLA_BIN));
        assertThat(data.akmola).isNotEmpty();
        browser = Browsers.signedIn(Tokens.MINISTRY, "/country");
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void onALaptop() throws IOException {
        check(ViewSize.DESKTOP);
    }

    @Test
    void onAPhone() throws IOException {
        check(ViewSize.PHONE);
    }

    private static void check(ViewSize size) throws IOException {
        browser.resize(size);
        Path folder = Files.createDirectories(RepositoryRoot.find().resolve("docs/dashboard"));
        for (Map.Entry<String, String> view : views.entrySet()) {
            browser.open(view.getValue());
            browser.waitForFragments();
            assertThat(((Number) browser.script("return window.innerWidth")).intValue()).isEqualTo(size.width);
            long scrollWidth = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
            assertThat(scrollWidth).as("%s at %d px: no horizontal scroll", view.getKey(), size.width)
                    .isLessThanOrEqualTo(size.width);

            browser.script("window.scrollTo(0, 0)");
            Files.write(folder.resolve(view.getKey() + "-" + size.width + ".png"), browser.screenshot());

            browser.open(view.getValue());
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            assertThat(focused.getDomAttribute("class")).as(view.getKey()).isEqualTo("skip");
            assertThat(focused.getDomAttribute("href")).isEqualTo("#main");
        }
    }
}
