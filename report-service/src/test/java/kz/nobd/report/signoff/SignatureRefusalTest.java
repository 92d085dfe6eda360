package kz.nobd.report.signoff;

import static kz.nobd.report.signoff.SignoffCalls.X;
import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.report.signoff.signature.SignatureRefusal;
import kz.nobd.testing.Callers;
import kz.nobd.testing.Ids;
import kz.nobd.testing.signing.Credential;
import kz.nobd.testing.signing.SigningCa;

/**
 * school.akmola signs its own return through HTTP (docs/signoff.md, "What is signed"): every refusal of the
 * signature check is a 422 problem+json whose {@code reason} names it, every refusal of the workflow its 400, 404 or
 * 409, and after a refusal nothing has changed: the return is DRAFT, with no signature on record and no history. A
 * valid RSA or GOST signature makes it SIGNED, once. Each test signs in a period of its own (opened by the ministry,
 * deadlines passed so that it can be locked).
 */
@QuarkusTest
class SignatureRefusalTest {
    private String period;

    /** How a refused signature is made from the return's content: the body sent for it. */
    interface Forgery extends BiFunction<String, String, Map<String, String>> {
    }

    @BeforeEach
    void aFreshPeriod() {
        SignoffCalls.demoSchoolsPlaced();
        period = SignoffCalls.openPastPeriod();
    }

    static Stream<Arguments> refusedSignatures() {
        return Stream.of(
                arguments("an expired certificate", SignatureRefusal.CERTIFICATE_EXPIRED,
                        signedBy(() -> ca().expired(X))),
                arguments("a certificate not yet valid", SignatureRefusal.CERTIFICATE_NOT_YET_VALID,
                        signedBy(() -> ca().notYetValid(X))),
                // revoked() rewrites the CA's CRL file, which the service reads again when it changes
                arguments("a revoked certificate", SignatureRefusal.CERTIFICATE_REVOKED,
                        signedBy(() -> ca().revoked(X))),
                arguments("another school's certificate", SignatureRefusal.CERTIFICATE_BIN_MISMATCH,
                        signedBy(() -> ca().valid(Ids.bin()))),
                arguments("a certificate of a CA NOBD does not trust", SignatureRefusal.CERTIFICATE_UNTRUSTED,
                        signedBy(() -> ca().foreign(X))),
                arguments("content changed by one byte after signing", SignatureRefusal.CONTENT_MISMATCH,
                        (Forgery) (content, digest) -> body(digest,
                                ca().valid(X).signDetachedBase64(oneByteChanged(content)))),
                arguments("a signature of another content", SignatureRefusal.CONTENT_MISMATCH,
                        (Forgery) (content, digest) -> body(digest, ca().valid(X).signDetachedBase64(
                                content.replace(X, Ids.bin())))),
                arguments("SHA1withRSA", SignatureRefusal.UNSUPPORTED_ALGORITHM,
                        (Forgery) (content, digest) -> body(digest, Base64.getEncoder().encodeToString(ca().valid(X)
                                .cms().algorithm("SHA1withRSA").sign(content.getBytes(StandardCharsets.UTF_8))))),
                arguments("base64 of bytes that are no CMS", SignatureRefusal.MALFORMED_SIGNATURE,
                        (Forgery) (content, digest) -> body(digest, Base64.getEncoder().encodeToString(
                                "this is not a signature".getBytes(StandardCharsets.UTF_8)))));
    }

    @ParameterizedTest(name = "{0}: 422 {1}")
    @MethodSource("refusedSignatures")
    void aRefusedSignatureIs422WithItsReasonAndChangesNothing(String what, SignatureRefusal reason, Forgery forgery) {
        JsonPath draft = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        Response response = SignoffCalls.sign(SCHOOL_AKMOLA, period, X,
                forgery.apply(draft.getString("content"), draft.getString("digest")));

        assertProblem(response, 422).body("reason", equalTo(reason.name()));
        assertUnchanged();
    }

    @Test
    void aDigestThatIsNotTodaysIs409ContentChanged() {
        JsonPath draft = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        String content = draft.getString("content");
        // a valid signature of today's content, named by the digest of other content (a return read earlier)
        Response response = SignoffCalls.sign(SCHOOL_AKMOLA, period, X,
                body(SignoffCalls.sha256(oneByteChanged(content)), ca().valid(X).signDetachedBase64(content)));

        assertProblem(response, 409).body("reason", equalTo("CONTENT_CHANGED"));
        assertUnchanged();
    }

    @Test
    void anUnknownPeriodIs404() {
        JsonPath draft = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        Response response = SignoffCalls.sign(SCHOOL_AKMOLA, UUID.randomUUID().toString(), X,
                body(draft.getString("digest"), ca().valid(X).signDetachedBase64(draft.getString("content"))));

        assertProblem(response, 404);
        assertUnchanged();
    }

    @Test
    void aBodyWithoutDigestIs400NamingTheField() {
        JsonPath draft = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        Response response = SignoffCalls.sign(SCHOOL_AKMOLA, period, X,
                Map.of("signature", ca().valid(X).signDetachedBase64(draft.getString("content"))));

        assertInvalid(response, "digest", "64 hex digits");
        assertUnchanged();
    }

    @Test
    void aSignatureThatIsNotBase64Is400NamingTheField() {
        JsonPath draft = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        Response response = SignoffCalls.sign(SCHOOL_AKMOLA, period, X, body(draft.getString("digest"),
                "this is not base64!"));

        assertInvalid(response, "signature", "base64");
        assertUnchanged();
    }

    @Test
    void signingInALockedPeriodIs409PeriodLocked() {
        Callers.as(MINISTRY).post(SignoffCalls.PERIODS + "/" + period + "/lock").then().statusCode(200);
        JsonPath draft = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        Response response = SignoffCalls.sign(SCHOOL_AKMOLA, period, X,
                body(draft.getString("digest"), ca().valid(X).signDetachedBase64(draft.getString("content"))));

        assertProblem(response, 409).body("reason", equalTo("PERIOD_LOCKED"));
        assertUnchanged();
    }

    @Test
    void aValidRsaSignatureSignsTheReturnOnce() {
        JsonPath signed = signValidly(ca().valid(X), "SHA256withRSA");

        // the same signature again: the return is SIGNED already
        Response again = SignoffCalls.sign(SCHOOL_AKMOLA, period, X, body(signed.getString("digest"),
                ca().valid(X).signDetachedBase64(signed.getString("content"))));
        assertProblem(again, 409).body("reason", equalTo("INVALID_TRANSITION"));
        JsonPath after = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        assertThat(after.getString("status")).isEqualTo("SIGNED");
        assertThat(after.getList("signatures")).hasSize(1);
        assertThat(after.getList("history")).hasSize(1);
    }

    @Test
    void aValidGostSignatureSignsTheReturn() {
        signValidly(ca().gost(X), "GOST3411-2012-256withECGOST3410-2012-256");
    }

    /** Signs today's content with {@code head}: 200, SIGNED, the signature and one change on record. */
    private JsonPath signValidly(Credential head, String algorithm) {
        JsonPath draft = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        String content = draft.getString("content");
        String digest = draft.getString("digest");

        Response response = SignoffCalls.sign(SCHOOL_AKMOLA, period, X, body(digest,
                head.signDetachedBase64(content)));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        JsonPath signed = response.jsonPath();
        assertThat(signed.getString("status")).isEqualTo("SIGNED");
        assertThat(signed.getString("content")).isEqualTo(content);
        assertThat(signed.getList("signatures")).hasSize(1);
        assertThat(signed.getString("signatures[0].algorithm")).isEqualTo(algorithm);
        assertThat(signed.getString("signatures[0].digest")).isEqualTo(digest);
        assertThat(signed.getString("signatures[0].serial"))
                .isEqualTo(head.certificate().getSerialNumber().toString(16));
        assertThat(signed.getString("signatures[0].subject")).contains("OU=BIN" + X);
        assertThat(signed.getString("signatures[0].signedBy")).isEqualTo(SCHOOL_AKMOLA);
        assertThat(signed.getLong("signed.signature.id")).isEqualTo(signed.getLong("signatures[0].id"));
        assertThat(signed.getMap("signed.figures")).isEqualTo(JsonPath.from(content).getMap("figures"));
        assertThat(signed.getList("history")).hasSize(1);
        // the first change of a return has no from: there was no row before (docs/architecture.md)
        assertThat(signed.getString("history[0].from")).isNull();
        assertThat(signed.getString("history[0].to")).isEqualTo("SIGNED");
        assertThat(signed.getString("history[0].actor")).isEqualTo(SCHOOL_AKMOLA);
        assertThat(signed.getString("history[0].actorRole")).isEqualTo("school");
        assertThat(signed.getString("history[0].digest")).isEqualTo(digest);
        assertThat(SignoffCalls.readReturn(MINISTRY, period, X).getString("status")).isEqualTo("SIGNED");
        return signed;
    }

    /** The return as it was before the refused request: DRAFT, no signature, no history. */
    private void assertUnchanged() {
        JsonPath now = SignoffCalls.readReturn(SCHOOL_AKMOLA, period, X);
        assertThat(now.getString("status")).isEqualTo("DRAFT");
        assertThat(now.getList("signatures")).isEmpty();
        assertThat(now.getList("history")).isEmpty();
        assertThat(now.getMap("signed")).isNull();
        JsonPath list = Callers.as(SCHOOL_AKMOLA).get(SignoffCalls.PERIODS + "/" + period + "/returns").then()
                .statusCode(200).extract().jsonPath();
        assertThat(list.getList("rows.status")).containsExactly("DRAFT");
    }

    /** The test JVM's CA, which the service trusts (made when the service starts, read only when a test runs). */
    private static SigningCa ca() {
        return SigningCa.get();
    }

    private static Forgery signedBy(java.util.function.Supplier<Credential> head) {
        return (content, digest) -> body(digest, head.get().signDetachedBase64(content));
    }

    private static Map<String, String> body(String digest, String signature) {
        return Map.of("digest", digest, "signature", signature);
    }

    /** {@code content} with its last digit changed (a figure of the return, or the BIN). */
    private static String oneByteChanged(String content) {
        for (int i = content.length() - 1; i >= 0; i--) {
            char c = content.charAt(i);
            if (Character.isDigit(c)) {
                return content.substring(0, i) + (char) ('0' + (c - '0' + 1) % 10) + content.substring(i + 1);
            }
        }
        throw new IllegalStateException("no digit in " + content);
    }
}
