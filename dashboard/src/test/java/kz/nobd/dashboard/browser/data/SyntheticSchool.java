package kz.nobd.dashboard.browser.data;

import java.util.List;

import kz.nobd.testing.Ids;

/**
 * A school made up for one test run (a fresh random BIN, a name with it), at a real KATO settlement: where the
 * registry places it and whether it is urban. The names say they are synthetic.
 */
public record SyntheticSchool(String bin, String nameKk, String nameRu, String kato, String districtKato,
        boolean urban) {

    public static SyntheticSchool at(String kato, String districtKato, boolean urban, String tag) {
        String bin = Ids.bin();
        String serial = bin.substring(8);
        return new SyntheticSchool(bin, "№" + serial + " e2e сынақ мектебі " + tag,
                "Тестовая школа e2e №" + serial + " " + tag, kato, districtKato, urban);
    }

    public String oblastKato() {
        return kato.substring(0, 2) + "0000000";
    }

    /** a row of the registry's import CSV with the columns of deploy/seed/demo-institutions.csv */
    public String csvRow() {
        return String.join(",", List.of(bin, nameKk, nameRu, "SCHOOL", "STATE", kato, urban ? "URBAN" : "RURAL",
                "KK;RU", urban ? "900" : "240", "1", "", "", "", "2001-09-01"));
    }
}
