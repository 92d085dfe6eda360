package kz.nobd.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.dashboard.browser.data.ApiCalls;
import kz.nobd.dashboard.browser.data.ApiFigures;
import kz.nobd.dashboard.browser.data.SeededData;
import kz.nobd.dashboard.browser.data.SyntheticSchool;
import kz.nobd.dashboard.browser.driver.Browser;
import kz.nobd.dashboard.browser.driver.Sessions;
import kz.nobd.dashboard.browser.driver.PageFigures;
import kz.nobd.testing.Tokens;

/**
 * The country, oblast and district pages show the API's numbers for the same unit and user: the card equals GET
 * /indicators, the table behind the chart and the map's tiles equal GET /rollups/equipment of the level below.
 */
@QuarkusTest
class UnitPagesIT {
    static SeededData data;
    static Browser ministry;
    static Browser oblast;

    @BeforeAll
    static void signIn() {
        data = SeededData.get();
        ministry = Sessions.of(Tokens.MINISTRY);
        oblast = Sessions.of(Tokens.OBLAST_AKMOLA);
    }

    @Test
    void theCountryShowsTheNationalCardAndTheOblasts() {
        ministry.open("/country");
        PageFigures page = new PageFigures(ministry);
        JsonNode oblasts = ApiCalls.equipment(Tokens.MINISTRY, "OBLAST", null);

        assertThat(page.card()).isEqualTo(ApiFigures.card(ApiCalls.indicators(Tokens.MINISTRY, Map.of("level", "NATIONAL"))));
        assertThat(page.unitsTable()).isEqualTo(ApiFigures.units(oblasts)).containsKeys(SeededData.AKMOLA,
                SeededData.AKTOBE);
        assertThat(page.tiles()).isEqualTo(ApiFigures.tiles(oblasts));
    }

    @Test
    void anOblastShowsItsCardAndItsDistrictsToItsUser() {
        oblast.open("/oblast/" + SeededData.AKMOLA);
        PageFigures page = new PageFigures(oblast);
        JsonNode districts = ApiCalls.equipment(Tokens.OBLAST_AKMOLA, "DISTRICT", SeededData.AKMOLA);

        assertThat(page.card()).isEqualTo(ApiFigures.card(ApiCalls.indicators(Tokens.OBLAST_AKMOLA,
                Map.of("level", "OBLAST", "kato", SeededData.AKMOLA))));
        assertThat(page.unitsTable()).isEqualTo(ApiFigures.units(districts)).containsKeys(SeededData.STEPNOGORSK,
                SeededData.AKKOL, SeededData.KOKSHETAU);
        assertThat(page.tiles()).isEqualTo(ApiFigures.tiles(districts));
    }

    @Test
    void aDistrictShowsItsCardAndItsSchools() {
        ministry.open("/district/" + SeededData.STEPNOGORSK);
        PageFigures page = new PageFigures(ministry);
        JsonNode schools = ApiCalls.equipment(Tokens.MINISTRY, "SCHOOL", SeededData.STEPNOGORSK);

        Map<String, Map<String, String>> card = ApiFigures.card(ApiCalls.indicators(Tokens.MINISTRY,
                Map.of("level", "DISTRICT", "kato", SeededData.STEPNOGORSK)));
        assertThat(page.card()).isEqualTo(card);
        assertThat(card.get("connectedShare")).as("urban and rural schools of the district").doesNotContainValue("");
        assertThat(page.unitsTable()).isEqualTo(ApiFigures.units(schools)).containsKeys(data.akmola.stream()
                .filter(s -> s.districtKato().equals(SeededData.STEPNOGORSK)).map(SyntheticSchool::bin)
                .toArray(String[]::new));
        assertThat(page.tiles()).isEqualTo(ApiFigures.tiles(schools));
    }
}
