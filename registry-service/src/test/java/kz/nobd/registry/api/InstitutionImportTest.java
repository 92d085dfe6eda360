package kz.nobd.registry.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.registry.testing.RegistryTopic;
import kz.nobd.testing.Tokens;
import kz.nobd.registry.testing.CsvImports;
import kz.nobd.registry.testing.FreshBins;

/** POST /institutions/import: a per-row bulk upsert in which valid rows land even when others are rejected. */
@QuarkusTest
class InstitutionImportTest {
    private static final String HEADER = "bin,nameKk,nameRu,type,ownership,kato,locality,languages,capacity,openedOn";

    @Inject
    EntityManager em;

    @Test
    void validRowsLandInvalidRowsAreReportedAndAReimportChangesOnlyWhatChanged() {
        String akmola = Ids.bin();
        String aktobe = Ids.bin();
        String badBin = Ids.withWrongCheckDigit(Ids.bin());
        String unknownKato = Ids.bin();
        String wrongType = Ids.bin();
        String almaty = Ids.bin();
        List<String> rows = new ArrayList<>(List.of(
                row(akmola, "SCHOOL", Institutions.AKMOLA_VILLAGE, "RURAL", 600),
                row(aktobe, "COLLEGE", Institutions.AKTOBE_CITY, "", 450),
                row(badBin, "SCHOOL", Institutions.AKMOLA_VILLAGE, "", 300),
                row(unknownKato, "SCHOOL", "119999999", "", 300),
                row(wrongType, "GYMNASIUM", Institutions.AKMOLA_VILLAGE, "", 300),
                row(almaty, "PRESCHOOL", Institutions.ALMATY_OBLAST_VILLAGE, "", 120)));

        importCsv(Tokens.MINISTRY, rows).statusCode(200)
                .body("received", equalTo(6)).body("created", equalTo(3)).body("updated", equalTo(0))
                .body("unchanged", equalTo(0)).body("rejected", equalTo(3))
                .body("rows.line", equalTo(List.of(2, 3, 4, 5, 6, 7)))
                .body("rows.bin", equalTo(List.of(akmola, aktobe, badBin, unknownKato, wrongType, almaty)))
                .body("rows.outcome", equalTo(List.of("CREATED", "CREATED", "REJECTED", "REJECTED", "REJECTED",
                        "CREATED")))
                .body("rows[0].errors", hasSize(0))
                .body("rows[2].errors.field", equalTo(List.of("bin")))
                .body("rows[3].errors.field", equalTo(List.of("kato")))
                .body("rows[3].errors[0].message", containsString("119999999 does not exist in the KATO classifier"))
                .body("rows[4].errors.field", equalTo(List.of("type")))
                .body("rows[4].errors[0].message", containsString("was 'GYMNASIUM'"));

        Institutions.get(Tokens.MINISTRY, akmola).then().statusCode(200).header("ETag", "\"1\"")
                .body("nameRu", equalTo("Школа №" + akmola.substring(8))).body("type", equalTo("SCHOOL"))
                .body("kato", equalTo(Institutions.AKMOLA_VILLAGE)).body("oblastKato", equalTo("110000000"))
                .body("locality", equalTo("RURAL")).body("languages", equalTo(List.of("KK", "RU")))
                .body("capacity", equalTo(600)).body("status", equalTo("OPEN"))
                .body("validFrom", equalTo("2005-09-01"));
        Institutions.get(Tokens.MINISTRY, aktobe).then().statusCode(200).body("type", equalTo("COLLEGE"))
                .body("oblastKato", equalTo("150000000")).body("locality", equalTo("URBAN"));
        Institutions.get(Tokens.MINISTRY, almaty).then().statusCode(200).body("capacity", equalTo(120));
        Institutions.history(Tokens.MINISTRY, akmola).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].changeKind", equalTo("IMPORTED_CREATE"))
                .body("items[0].changedBy", equalTo("ministry"));
        Institutions.get(Tokens.MINISTRY, unknownKato).then().statusCode(404);
        Institutions.get(Tokens.MINISTRY, wrongType).then().statusCode(404);
        Institutions.get(Tokens.MINISTRY, badBin).then().statusCode(400).body("errors[0].field", equalTo("bin"));

        importCsv(Tokens.MINISTRY, rows).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3))
                .body("rejected", equalTo(3));
        for (String bin : List.of(akmola, aktobe, almaty)) {
            Institutions.history(Tokens.MINISTRY, bin).then().body("total", equalTo(1));
        }

        rows.set(1, row(aktobe, "COLLEGE", Institutions.AKTOBE_CITY, "", 500));
        importCsv(Tokens.MINISTRY, rows).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(2))
                .body("rows.outcome", equalTo(List.of("UNCHANGED", "UPDATED", "REJECTED", "REJECTED", "REJECTED",
                        "UNCHANGED")));
        Institutions.get(Tokens.MINISTRY, aktobe).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("capacity", equalTo(500));
        Institutions.history(Tokens.MINISTRY, aktobe).then().body("total", equalTo(2))
                .body("items.changeKind", equalTo(List.of("IMPORTED_UPDATE", "IMPORTED_CREATE")))
                .body("items[0].card.capacity", equalTo(500)).body("items[1].card.capacity", equalTo(450));
        Institutions.history(Tokens.MINISTRY, akmola).then().body("total", equalTo(1));
    }

    @Test
    void anOblastImportsTheRowsOfItsOwnOblastAndOnlyThose() {
        String own = Ids.bin();
        String foreign = Ids.bin();
        String registeredInAlmaty = Institutions.createSchool(Institutions.ALMATY_OBLAST_VILLAGE);
        List<String> rows = List.of(
                row(own, "SCHOOL", Institutions.AKMOLA_VILLAGE, "", 300),
                row(foreign, "SCHOOL", Institutions.ALMATY_OBLAST_VILLAGE, "", 300),
                row(registeredInAlmaty, "SCHOOL", Institutions.AKMOLA_VILLAGE, "", 300));

        importCsv(Tokens.OBLAST_AKMOLA, rows).statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(2))
                .body("rows.outcome", equalTo(List.of("CREATED", "REJECTED", "REJECTED")))
                .body("rows[1].errors[0].field", equalTo("kato"))
                .body("rows[1].errors[0].message", containsString("is outside your oblast"))
                .body("rows[2].errors[0].field", equalTo("bin"))
                .body("rows[2].errors[0].message", containsString("cannot be imported by you"));

        Institutions.get(Tokens.OBLAST_AKMOLA, own).then().statusCode(200).body("oblastKato", equalTo("110000000"));
        Institutions.get(Tokens.MINISTRY, foreign).then().statusCode(404);
        Institutions.get(Tokens.MINISTRY, registeredInAlmaty).then().statusCode(200).body("version", equalTo(1))
                .body("kato", equalTo(Institutions.ALMATY_OBLAST_VILLAGE));
        importCsv(Tokens.SCHOOL_AKMOLA, rows).statusCode(403);
        importCsv(null, rows).statusCode(401);
    }

    @Test
    void aFileOfMoreThanOneChunkLandsEntirelyAndEveryCardIsPublished() {
        List<String> bins = FreshBins.of(em, 1_200);
        List<String> rows = bins.stream().map(bin -> row(bin, "SCHOOL", Institutions.AKTOBE_CITY, "", 800)).toList();
        try (RegistryTopic topic = RegistryTopic.fromNow()) {
            importCsv(Tokens.MINISTRY, rows).statusCode(200)
                    .body("received", equalTo(1_200)).body("created", equalTo(1_200)).body("rejected", equalTo(0))
                    .body("rows.outcome", everyItem(equalTo("CREATED")));
            assertThat(countInRegistry(bins)).isEqualTo(1_200);
            await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .untilAsserted(() -> assertThat(topic.poll().distinctKeysOf(bins)).isEqualTo(1_200));
            assertThat(bins).allSatisfy(bin -> assertThat(topic.distinctVersions(bin)).containsExactly(1L));
        }
    }

    /**
     * A new card is inserted by COPY (text format): every column of a row that fills each one, with text that the
     * format must escape (backslash, {@code \\N}, quotes, commas), reads back as the card its history recorded.
     */
    @Test
    void aNewCardWithEveryColumnAndTextToEscapeIsStoredAsItsHistorySays() {
        String bin = Ids.bin();
        String csv = "bin,nameKk,nameRu,type,ownership,kato,locality,languages,capacity,shifts,address,phone,email,"
                + "openedOn\n" + String.join(",", bin, "\"Мектеп \\N, \"\"№1\"\"\"", "Школа C:\\temp\\n", "SCHOOL",
                "PRIVATE", Institutions.AKMOLA_VILLAGE, "URBAN", "KK;RU;EN", "640", "2",
                "\"ул. Абая, 1 \\ 2\"", "+77172000000", "school@example.kz", "2011-09-01") + "\n";

        CsvImports.post(Tokens.MINISTRY, csv).then().statusCode(200).body("created", equalTo(1));

        ValidatableResponse card = Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200)
                .body("nameKk", equalTo("Мектеп \\N, \"№1\"")).body("nameRu", equalTo("Школа C:\\temp\\n"))
                .body("ownership", equalTo("PRIVATE")).body("locality", equalTo("URBAN"))
                .body("languages", equalTo(List.of("KK", "RU", "EN"))).body("capacity", equalTo(640))
                .body("shifts", equalTo(2)).body("address", equalTo("ул. Абая, 1 \\ 2"))
                .body("phone", equalTo("+77172000000")).body("email", equalTo("school@example.kz"))
                .body("openedOn", equalTo("2011-09-01")).body("version", equalTo(1));
        Map<String, Object> stored = card.extract().jsonPath().getMap("$");
        Map<String, Object> recorded = Institutions.history(Tokens.MINISTRY, bin).then().statusCode(200)
                .extract().jsonPath().getMap("items[0].card");
        assertThat(stored).isEqualTo(recorded);
    }

    /**
     * A stored card changed by an import is written with one UPDATE from arrays: every column a row can change (text
     * to escape, a move to another oblast, nulls becoming values) reads back as the version its history recorded.
     */
    @Test
    void aStoredCardChangedInEveryColumnIsStoredAsItsHistorySays() {
        String bin = Ids.bin();
        importCsv(Tokens.MINISTRY, List.of(row(bin, "SCHOOL", Institutions.AKTOBE_CITY, "", 800))).statusCode(200)
                .body("created", equalTo(1));
        String csv = "bin,nameKk,nameRu,type,ownership,kato,locality,languages,capacity,shifts,address,phone,email,"
                + "openedOn\n" + String.join(",", bin, "\"Мектеп \\N, \"\"№2\"\"\"", "\"Школа {1,2} C:\\temp\"",
                "BOARDING", "PRIVATE", Institutions.AKMOLA_VILLAGE, "RURAL", "RU;EN", "120", "1", "\"ул. Абая, 2 \\ 3\"",
                "+77172000001", "changed@example.kz", "1999-09-01") + "\n";

        CsvImports.post(Tokens.MINISTRY, csv).then().statusCode(200).body("updated", equalTo(1))
                .body("rows[0].outcome", equalTo("UPDATED"));

        ValidatableResponse card = Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200)
                .body("nameKk", equalTo("Мектеп \\N, \"№2\"")).body("nameRu", equalTo("Школа {1,2} C:\\temp"))
                .body("type", equalTo("BOARDING")).body("ownership", equalTo("PRIVATE"))
                .body("kato", equalTo(Institutions.AKMOLA_VILLAGE)).body("oblastKato", equalTo("110000000"))
                .body("locality", equalTo("RURAL")).body("languages", equalTo(List.of("RU", "EN")))
                .body("capacity", equalTo(120)).body("shifts", equalTo(1)).body("address", equalTo("ул. Абая, 2 \\ 3"))
                .body("phone", equalTo("+77172000001")).body("email", equalTo("changed@example.kz"))
                .body("openedOn", equalTo("1999-09-01")).body("status", equalTo("OPEN")).body("version", equalTo(2));
        Map<String, Object> stored = card.extract().jsonPath().getMap("$");
        Map<String, Object> recorded = Institutions.history(Tokens.MINISTRY, bin).then().statusCode(200)
                .extract().jsonPath().getMap("items.find { it.card.version == 2 }.card");
        assertThat(stored).isEqualTo(recorded);
    }

    private static String row(String bin, String type, String kato, String locality, int capacity) {
        String number = bin.substring(8);
        return String.join(",", bin, "№" + number + " мектеп", "Школа №" + number, type, "STATE", kato,
                locality, "KK;RU", Integer.toString(capacity), "2005-09-01");
    }

    private static ValidatableResponse importCsv(String who, List<String> rows) {
        return CsvImports.post(who == null ? kz.nobd.testing.Callers.NO_TOKEN : who,
                HEADER + "\n" + String.join("\n", rows) + "\n").then();
    }

    private long countInRegistry(List<String> bins) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(i) from Institution i where i.bin in :bins", Long.class)
                .setParameter("bins", bins).getSingleResult());
    }
}
