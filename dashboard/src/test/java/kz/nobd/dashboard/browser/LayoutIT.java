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
import kz.nobd.dashboard.browser.driver.Sessions;
import kz.nobd.dashboard.browser.driver.ViewSize;
import kz.nobd.dashboard.browser.harness.RepositoryRoot;
import kz.nobd.testing.Tokens;

/**
 * Every view on a laptop and on a phone: no sideways scrolling, the skip link is the first stop of the keyboard, and
 * a screenshot of the first screen for docs/dashboard (written by this test, {@code <view>-<width>.png}).
 */
@QuarkusTest
class LayoutIT {
    /**
     * the elements that reach beyond the viewport's right edge, innermost, outside any scrolling box (a wide table in
     * its .table-wrap scrolls on its own): what makes the page scroll sideways
     */
    static final String TOO_WIDE = """
            const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
              if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true; } return false; };
            return Array.from(document.querySelectorAll('body *'))
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !scrolls(e))
              .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5))
              .slice(0, 10)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                ? '.' + e.className.trim().replace(/ +/g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right));""";
    static Browser browser;
    static Map<String, String> views;

    @BeforeAll
    static void signIn() {
        SeededData data = SeededData.get();
        views = new TreeMap<>(Map.of("country", "/country", "oblast", "/oblast/" + SeededData.AKMOLA,
                "district", "/district/" + SeededData.STEPNOGORSK, "school", "/school/" + Tokens.SCHOOL_AKMOLA_BIN));
        assertThat(data.akmola).isNotEmpty();
        browser = Sessions.of(Tokens.MINISTRY);
    }

    @AfterAll
    static void laptopAgain() {
        browser.resize(ViewSize.DESKTOP);
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
            assertThat(scrollWidth).as("%s at %d px: no horizontal scroll; wider: %s", view.getKey(), size.width,
                    browser.script(TOO_WIDE)).isLessThanOrEqualTo(size.width);

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
