import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Browsers;
import kz.nobd.dashboard.browser.driver.KeycloakLogin;
import kz.nobd.dashboard.browser.driver.ViewSize;

/**
 * How fast the dashboard's pages are in a real browser (Debian's headless Chromium, driven by Selenium): for each
 * user and page, RUNS loads after one warm-up, measured by the browser's Navigation Timing: first byte, first view
 * (the load event: HTML, stylesheet and script, the page drawn) and complete (the trend and completeness sections
 * arrived). Prints one line per page with the median, 90th percentile and maximum in milliseconds, and the first
 * load apart (the browser without the stylesheet, the API's answers maybe not kept yet).
 * The browser and the sign-in are the browser tests' (dashboard/src/test/.../browser/driver).
 * Usage: java -cp DASHBOARD_TEST_CLASSPATH deploy/bench/DashboardFirstView.java BASE_URL RUNS user=path...
 */
public class DashboardFirstView {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int runs = Integer.parseInt(args[1]);
        System.out.printf("%-16s %-28s %5s | %-22s | %-22s | %-22s | %s%n", "user", "page", "runs",
                "first byte med/p90/max", "first view med/p90/max", "complete med/p90/max", "first load: view, complete");
        for (int i = 2; i < args.length; i++) {
            String user = args[i].substring(0, args[i].indexOf('='));
            String path = args[i].substring(args[i].indexOf('=') + 1);
            try (Browser browser = KeycloakLogin.signIn(Browsers.open(base, ViewSize.DESKTOP), user, path)) {
                measure(browser.driver(), base + path, runs, user, path);
            }
        }
    }

    static void measure(WebDriver driver, String url, int runs, String user, String path) {
        List<Double> firstByte = new ArrayList<>();
        List<Double> firstView = new ArrayList<>();
        List<Double> complete = new ArrayList<>();
        String cold = "";
        for (int run = 0; run <= runs; run++) {
            driver.get(url);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.readyState === 'complete' && [...document.querySelectorAll('[data-fragment]')]"
                            + ".every(s => s.getAttribute('data-loaded') === 'true')")));
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) js.executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                            + "return {firstByte: n.responseStart, firstView: n.loadEventEnd, complete: performance.now()};");
            if (!driver.findElements(By.id("error")).isEmpty()) {
                throw new IllegalStateException(path + " answered an error page for " + user);
            }
            if (run == 0) { // run 0 fills the caches (the browser's stylesheet, the API's answers): reported apart
                cold = String.format("%.0f, %.0f", ((Number) t.get("firstView")).doubleValue(),
                        ((Number) t.get("complete")).doubleValue());
            } else {
                firstByte.add(((Number) t.get("firstByte")).doubleValue());
                firstView.add(((Number) t.get("firstView")).doubleValue());
                complete.add(((Number) t.get("complete")).doubleValue());
            }
        }
        System.out.printf("%-16s %-28s %5d | %-22s | %-22s | %-22s | %s%n", user, path, runs, stats(firstByte),
                stats(firstView), stats(complete), cold);
    }

    static String stats(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.0f / %.0f / %.0f", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1));
    }
}
