package kz.nobd.dashboard.browser.driver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import kz.nobd.dashboard.browser.harness.RepositoryRoot;

/**
 * Headless Chromium driven through chromedriver, both Debian's (deploy/local/nobd installs them for the test
 * instance; Selenium Manager never downloads anything): a fresh profile and download folder under
 * dashboard/target/e2e-browsers per browser, no network of its own (sync, updates, QUIC).
 */
public final class Browsers {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browsers() {
    }

    /** the dashboard under test (this JVM's @QuarkusTest application), always through 127.0.0.1 */
    public static String dashboard() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    /** a new browser on the dashboard, signed in as {@code user} (Keycloak's login page), showing {@code path} */
    public static Browser signedIn(String user, String path) {
        Browser browser = open(ViewSize.DESKTOP);
        try {
            return KeycloakLogin.signIn(browser, user, path);
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    /** a new browser on the dashboard, not signed in, at {@code size} */
    public static Browser open(ViewSize size) {
        return open(dashboard(), size);
    }

    /** a new browser showing pages of {@code base} (the dashboard's address) at {@code size} */
    public static Browser open(String base, ViewSize size) {
        for (String file : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(file))) {
                throw new IllegalStateException(file + " is missing: apt-get install chromium chromium-driver"
                        + " (deploy/local/nobd test installs them)");
            }
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            Path folder = Files.createDirectories(RepositoryRoot.dashboard().resolve("target/e2e-browsers"));
            Path profile = Files.createTempDirectory(folder, "profile-");
            Path downloads = Files.createTempDirectory(folder, "downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + size.width + "," + size.height,
                    "--lang=kk");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "kk,ru"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                    downloads.toString()));
            Browser browser = new Browser(driver, base, downloads);
            browser.resize(size);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
