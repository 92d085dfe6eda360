package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classifier's traps: missing zeroed parents and the three cities without district rows. */
class V2SeedKatoTerritoriesTest {
    static Map<String, V2__SeedKatoTerritories.Row> rows;

    @BeforeAll
    static void read() throws Exception {
        rows = V2__SeedKatoTerritories.read();
    }

    @Test
    void readsTheWholeClassifier() {
        assertThat(rows).hasSize(15_594);
        assertThat(rows.values().stream().filter(r -> r.level().equals("OBLAST"))).hasSize(20);
        assertThat(rows.get("100000000").nameKk()).isEqualTo("Абай облысы");
    }

    @Test
    void parentIsTheNearestExistingAncestor() {
        assertThat(parent("113820100")).isEqualTo("113800000"); // no row at 113820000
        assertThat(parent("111033100")).isEqualTo("111033000");
        assertThat(parent("111033000")).isEqualTo("111000000");
        assertThat(parent("111000000")).isEqualTo("110000000");
        assertThat(parent("110000000")).isNull();
        long orphans = rows.values().stream()
                .filter(r -> !r.level().equals("OBLAST") && V2__SeedKatoTerritories.parentOf(r, rows) == null).count();
        assertThat(orphans).isZero();
    }

    @Test
    void districtIsTheNearestDistrictOrTheCityDistrict() {
        assertThat(district("113820100")).isEqualTo("113800000");
        assertThat(district("111033100")).isEqualTo("111000000");
        assertThat(district("711110000")).isEqualTo("711110000"); // Astana: city district
        assertThat(district("751110000")).isEqualTo("751110000"); // Almaty
        assertThat(district("710000000")).isNull();
    }

    private static String parent(String kato) {
        return V2__SeedKatoTerritories.parentOf(rows.get(kato), rows);
    }

    private static String district(String kato) {
        return V2__SeedKatoTerritories.districtOf(rows.get(kato), rows);
    }
}
