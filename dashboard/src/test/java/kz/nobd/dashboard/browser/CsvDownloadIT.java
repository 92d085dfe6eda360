package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.ApiFigures;
import kz.nobd.dashboard.browser.data.CsvFile;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Sessions;
import kz.nobd.dashboard.browser.driver.PageFigures;
import kz.nobd.testing.Tokens;

/** The CSV link of the table behind a chart downloads a file with the table's numbers. */
@QuarkusTest
class CsvDownloadIT {

    @BeforeAll
    static void seed() {
        SeededData.get();
    }

    @Test
    void theDistrictsCsvHasTheTablesNumbers() throws IOException {
        Browser browser = Sessions.of(Tokens.OBLAST_AKMOLA).open("/oblast/" + SeededData.AKMOLA);
        Path file = browser.downloads().resolve("nobd-district-oblast-" + SeededData.AKMOLA + ".csv");
        Files.deleteIfExists(file);
        Map<String, Map<String, String>> table = new PageFigures(browser).unitsTable();

        browser.click(By.id("units-csv"));
        // Chromium writes <name>.crdownload and renames it when the download is complete
        await("the CSV in " + browser.downloads()).atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file));

        List<List<String>> rows = CsvFile.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertThat(header).startsWith("code", "nameKk", "nameRu").containsAll(ApiFigures.INDICATORS).contains("reported");
        Map<String, Map<String, String>> csv = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> fields = new TreeMap<>();
            for (int i = 3; i < header.size(); i++) {
                fields.put(header.get(i), row.get(i));
            }
            csv.put(row.get(0), fields);
        }
        assertThat(csv).isEqualTo(table).containsKey(SeededData.STEPNOGORSK);
    }
}
