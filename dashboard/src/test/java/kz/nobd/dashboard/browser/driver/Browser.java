package kz.nobd.dashboard.browser.driver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One browser on the dashboard: opening its pages, waiting for their parts, reading them. Close it after use. */
public final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final String base;
    private final Path downloads;

    Browser(ChromeDriver driver, String base, Path downloads) {
        this.driver = driver;
        this.base = base;
        this.downloads = downloads;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** the dashboard's address, e.g. http://127.0.0.1:41234 */
    public String base() {
        return base;
    }

    public Path downloads() {
        return downloads;
    }

    /** opens a page of the dashboard ({@code path} from its root) */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** the path (and query) of the page shown, or the whole address when it is not the dashboard's */
    public String location() {
        String url = driver.getCurrentUrl();
        if (!url.startsWith(base)) {
            return url;
        }
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** waits until the browser shows the dashboard's {@code path}; returns it */
    public String awaitLocation(String path) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> location().equals(path));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the assertion of the caller names where the browser is instead
        }
        return location();
    }

    /**
     * the viewport is exactly {@code size} (CSS pixels). Without mobile emulation: a phone's browser would widen its
     * layout viewport to a page that is too wide, and hide the overflow the tests look for.
     */
    public void resize(ViewSize size) {
        driver.manage().window().setSize(new Dimension(size.width, size.height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width, "height",
                size.height, "deviceScaleFactor", 1, "mobile", false));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** waits until every part loaded after the page (trend, completeness) is in */
    public void waitForFragments() {
        new WebDriverWait(driver, WAIT).until(d -> (Boolean) driver.executeScript(
                "return document.readyState === 'complete' && Array.from(document.querySelectorAll("
                        + "'section[data-fragment]')).every(s => s.getAttribute('data-loaded') === 'true')"));
    }

    public void click(By by) {
        WebElement element = waitFor(by);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    public String source() {
        return driver.getPageSource();
    }

    public String attribute(By by, String name) {
        return waitFor(by).getDomAttribute(name);
    }

    /** h1#unit-name's data-level and data-code: which unit the page is about */
    public String unit() {
        WebElement h1 = waitFor(By.id("unit-name"));
        return h1.getDomAttribute("data-level") + " " + h1.getDomAttribute("data-code");
    }

    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
