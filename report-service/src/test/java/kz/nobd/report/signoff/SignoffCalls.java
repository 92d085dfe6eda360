package kz.nobd.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.nobd.report.testing.Cards;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Callers;
import kz.nobd.testing.Tokens;
import kz.nobd.testing.signing.Credential;

/**
 * The sign-off endpoints as the authorization and signature tests call them: the demo schools placed where their
 * users' tokens say (school.akmola's {@link #X} in Akmola, school.almaty's {@link #Y} in Almaty oblast), fresh
 * periods opened by the ministry, a return read, a signature sent.
 */
final class SignoffCalls {
    static final String X = Tokens.SCHOOL_AKMOLA_BIN;
    static final String Y = Tokens.SCHOOL_ALMATY_BIN;
    static final String AKMOLA = "110000000";
    static final String AKTOBE = "150000000";
    static final String PERIODS = "/api/v1/periods";
    private static boolean placed;

    private SignoffCalls() {
    }

    /** Waits until the service has caught up, and publishes the demo schools' cards once per test JVM. */
    static synchronized void demoSchoolsPlaced() {
        Reports.awaitReady();
        if (!placed) {
            FactProducer.publishCard(Cards.school(X, "111000000"));
            FactProducer.publishCard(Cards.school(Y, "191000000"));
            placed = true;
        }
    }

    /** The body of a new ENROLMENT period with a name no other run used. */
    static Map<String, Object> newPeriod(LocalDate census, LocalDate submission, LocalDate acceptance) {
        return Map.of("kind", "ENROLMENT", "name", "sign-off test " + UUID.randomUUID(), "censusDate",
                census.toString(), "submissionDeadline", submission.toString(), "acceptanceDeadline",
                acceptance.toString());
    }

    /** Opens a period as the ministry; returns its id. */
    static String open(LocalDate census, LocalDate submission, LocalDate acceptance) {
        Response response = Callers.json(Tokens.MINISTRY).body(newPeriod(census, submission, acceptance)).post(PERIODS);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        String id = response.jsonPath().getString("id");
        assertThat(response.header("Location")).endsWith(PERIODS + "/" + id);
        return id;
    }

    /** A period whose deadlines have passed (it may be locked at once), census date 20 days ago. */
    static String openPastPeriod() {
        LocalDate today = Reports.today();
        return open(today.minusDays(20), today.minusDays(10), today.minusDays(5));
    }

    static String returnPath(String period, String bin) {
        return PERIODS + "/" + period + "/returns/" + bin;
    }

    /** The return as {@code caller} sees it; fails unless 200. */
    static JsonPath readReturn(String caller, String period, String bin) {
        Response response = Callers.as(caller).get(returnPath(period, bin));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    /** POSTs {@code body} to the return's signature as {@code caller}. */
    static Response sign(String caller, String period, String bin, Object body) {
        return Callers.json(caller).body(body).post(returnPath(period, bin) + "/signature");
    }

    /** The body signing today's content of the return (read as the ministry) with {@code head}'s key. */
    static Map<String, String> signatureOf(String period, String bin, Credential head) {
        JsonPath current = readReturn(Tokens.MINISTRY, period, bin);
        return Map.of("digest", current.getString("digest"),
                "signature", head.signDetachedBase64(current.getString("content")));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
