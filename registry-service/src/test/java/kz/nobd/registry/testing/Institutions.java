package kz.nobd.registry.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.nobd.testing.Tokens;
import kz.nobd.testing.Ids;

/** Creates institutions through the real API (as the ministry) for tests to work on. */
public final class Institutions {
    /** Settlements with a known oblast, district and locality, one per oblast the tests use. */
    public static final String AKMOLA_VILLAGE = "111033100";   // с.Красный Яр, district Кокшетау Г.А. 111000000, rural
    public static final String AKTOBE_CITY = "151011100";      // район Астана, г.Актобе, urban
    public static final String ALMATY_OBLAST_VILLAGE = "191037100"; // с.Шенгельды, rural
    public static final String ABAI_CITY = "101010000";        // г.Семей, urban

    private Institutions() {
    }

    public static Map<String, Object> body(String bin, String kato) {
        Map<String, Object> body = new HashMap<>();
        body.put("bin", bin);
        body.put("nameKk", "№" + bin.substring(8) + " мектеп");
        body.put("nameRu", "Школа №" + bin.substring(8));
        body.put("type", "SCHOOL");
        body.put("ownership", "STATE");
        body.put("kato", kato);
        body.put("languages", List.of("KK", "RU"));
        body.put("capacity", 600);
        body.put("shifts", 2);
        body.put("openedOn", "2001-09-01");
        return body;
    }

    public static Response create(String who, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(who)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/institutions");
    }

    /** PUT of the card with {@code If-Match: "version"}. */
    public static Response replace(String who, String bin, long version, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(who)).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(body).put("/api/v1/institutions/" + bin);
    }

    /** POST of a closure {@code {closedOn, reason}} without If-Match. */
    public static Response close(String who, String bin, String closedOn, String reason) {
        return given().header("Authorization", Tokens.bearer(who)).contentType(ContentType.JSON)
                .body(Map.of("closedOn", closedOn, "reason", reason))
                .post("/api/v1/institutions/" + bin + "/closure");
    }

    /** The card as {@code who} sees it. */
    public static Response get(String who, String bin) {
        return given().header("Authorization", Tokens.bearer(who)).get("/api/v1/institutions/" + bin);
    }

    /** The version history as {@code who} sees it (newest first). */
    public static Response history(String who, String bin) {
        return given().header("Authorization", Tokens.bearer(who)).get("/api/v1/institutions/" + bin + "/history");
    }

    /** A new OPEN school at {@code kato}, created by the ministry; returns its BIN. */
    public static String createSchool(String kato) {
        Response response = null;
        // a random BIN can (rarely) be one an earlier test or run already registered: draw another one then
        for (int attempt = 0; attempt < 3; attempt++) {
            String bin = Ids.bin();
            response = create(Tokens.MINISTRY, body(bin, kato));
            if (response.statusCode() == 201) {
                return bin;
            }
            if (response.statusCode() != 409) {
                break;
            }
        }
        throw new IllegalStateException("could not create a test school: " + response.asString());
    }

    private static volatile boolean demoSchoolsChecked;

    /**
     * Makes sure the institutions bound to the demo school users exist; the check runs once per test JVM. Call it
     * from @BeforeEach: RestAssured learns the test port only before each test, so @BeforeAll is too early.
     */
    public static synchronized void ensureDemoSchools() {
        if (!demoSchoolsChecked) {
            ensure(Tokens.SCHOOL_AKMOLA_BIN, AKMOLA_VILLAGE);
            ensure(Tokens.SCHOOL_ALMATY_BIN, ALMATY_OBLAST_VILLAGE);
            demoSchoolsChecked = true;
        }
    }

    private static void ensure(String bin, String kato) {
        int status = create(Tokens.MINISTRY, body(bin, kato)).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not create demo school " + bin + ": HTTP " + status);
        }
    }
}
