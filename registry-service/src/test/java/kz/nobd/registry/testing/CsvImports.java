package kz.nobd.registry.testing;

import java.nio.charset.StandardCharsets;

import io.restassured.response.Response;
import kz.nobd.testing.Callers;

/** POST /institutions/import as a clerk uploads a file: UTF-8 bytes, Content-Type text/csv without a charset. */
public final class CsvImports {
    public static final String HEADER = "bin,nameKk,nameRu,type,ownership,kato,languages,openedOn\n";

    private CsvImports() {
    }

    /** A valid data row for a school at {@code kato}, named "Школа {bin}". */
    public static String row(String bin, String kato) {
        return bin + ",Мектеп," + "Школа " + bin + ",SCHOOL,STATE," + kato + ",KK;RU,2001-09-01\n";
    }

    public static Response post(String caller, String csv) {
        return Callers.as(caller).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/import");
    }
}
