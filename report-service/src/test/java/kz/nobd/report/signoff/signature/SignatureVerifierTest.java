package kz.nobd.report.signoff.signature;

import static java.nio.charset.StandardCharsets.UTF_8;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_BIN_MISMATCH;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_EXPIRED;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_NOT_YET_VALID;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_REVOKED;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_UNTRUSTED;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_WITHOUT_BIN;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CONTENT_MISMATCH;
import static kz.nobd.report.signoff.signature.SignatureRefusal.KEY_USAGE;
import static kz.nobd.report.signoff.signature.SignatureRefusal.MALFORMED_SIGNATURE;
import static kz.nobd.report.signoff.signature.SignatureRefusal.UNSUPPORTED_ALGORITHM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kz.nobd.testing.Ids;
import kz.nobd.testing.signing.CaFolder;
import kz.nobd.testing.signing.CertificateSpec;
import kz.nobd.testing.signing.Credential;
import kz.nobd.testing.signing.KeyKind;
import kz.nobd.testing.signing.TestCa;

/**
 * Each refusal of {@link SignatureVerifier}, and the signatures it accepts, with certificates of the test CA (RSA and
 * GOST, test-support). Plain JUnit: the verifier is built from the CA's files as the service builds it from
 * {@code nobd.signoff.*}.
 */
class SignatureVerifierTest {
    static final byte[] RETURN = "{\"bin\":\"x\",\"period\":\"2026-10\",\"pupils\":431}".getBytes(UTF_8);

    @TempDir
    static Path dir;
    static CaFolder ca;
    static SignatureVerifier verifier;

    final String bin = Ids.bin();

    @BeforeAll
    static void testCa() {
        ca = CaFolder.open(dir.resolve("ca"));
        verifier = new SignatureVerifier(TrustAnchors.read(ca.trustAnchors()), new RevocationLists(ca.crls()));
    }

    @Test
    void anRsaSignatureOfTheReturnIsAcceptedAndDescribed() throws Exception {
        Credential head = ca.rsa().issue(CertificateSpec.forBin(bin));
        Instant signedAt = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);

        VerifiedSignature signature = verifier.verify(RETURN, head.cms().signingTime(signedAt).sign(RETURN), bin,
                Instant.now());

        assertThat(signature.algorithm()).isEqualTo("SHA256withRSA");
        assertThat(signature.subject()).contains("OU=BIN" + bin).contains("SERIALNUMBER=IIN").startsWith("CN=");
        assertThat(signature.issuer()).isEqualTo("CN=NOBD TEST CA RSA,O=NOBD test CA (not NCA),C=KZ");
        assertThat(signature.serial()).isEqualTo(head.certificate().getSerialNumber().toString(16));
        assertThat(signature.signingTime()).isEqualTo(signedAt);
        assertThat(signature.notBefore()).isEqualTo(head.certificate().getNotBefore().toInstant());
        assertThat(signature.notAfter()).isEqualTo(head.certificate().getNotAfter().toInstant());
        assertThat(Base64.getDecoder().decode(signature.certificate())).isEqualTo(head.certificate().getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = { "SHA384withRSA", "SHA512withRSA" })
    void rsaWithTheLongerShaDigestsIsAccepted(String algorithm) {
        Credential head = ca.rsa().issue(CertificateSpec.forBin(bin));

        assertThat(verifier.verify(RETURN, head.cms().algorithm(algorithm).sign(RETURN), bin, Instant.now())
                .algorithm()).isEqualTo(algorithm);
    }

    @Test
    void gostSignaturesOf256And512BitsAreAccepted() {
        Credential head256 = ca.gost().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.GOST_256));
        Credential head512 = ca.gost().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.GOST_512));

        assertThat(verifier.verify(RETURN, head256.signDetached(RETURN), bin, Instant.now()).algorithm())
                .isEqualTo("GOST3411-2012-256withECGOST3410-2012-256");
        assertThat(verifier.verify(RETURN, head512.signDetached(RETURN), bin, Instant.now()).algorithm())
                .isEqualTo("GOST3411-2012-512withECGOST3410-2012-512");
    }

    @Test
    void aSignatureWithoutSigningTimeIsAcceptedWithNone() {
        Credential head = ca.gost().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.GOST_256));

        assertThat(verifier.verify(RETURN, head.cms().signingTime(null).sign(RETURN), bin, Instant.now())
                .signingTime()).isNull();
    }

    @Test
    void theReturnItselfAttachedInsideTheSignatureIsAccepted() {
        Credential head = ca.rsa().issue(CertificateSpec.forBin(bin));

        assertThat(verifier.verify(RETURN, head.cms().attached().sign(RETURN), bin, Instant.now())).isNotNull();
    }

    @Test
    void bytesThatAreNotACmsSignatureAreMalformed() throws Exception {
        Credential head = ca.rsa().issue(CertificateSpec.forBin(bin));

        refused(MALFORMED_SIGNATURE, RETURN, "not a signature at all".getBytes(UTF_8));
        refused(MALFORMED_SIGNATURE, RETURN, new byte[0]);
        refused(MALFORMED_SIGNATURE, RETURN, head.certificate().getEncoded()); // DER, but a certificate
        byte[] truncated = head.signDetached(RETURN);
        refused(MALFORMED_SIGNATURE, RETURN, java.util.Arrays.copyOf(truncated, truncated.length / 2));
    }

    @Test
    void twoSignersNoSignerCertificateOrAnotherDocumentInsideAreMalformed() {
        Credential head = ca.rsa().issue(CertificateSpec.forBin(bin));
        Credential other = ca.rsa().issue(CertificateSpec.forBin(bin));

        assertThat(refused(MALFORMED_SIGNATURE, RETURN, head.cms().alsoSignedBy(other).sign(RETURN)))
                .contains("2 signatures");
        assertThat(refused(MALFORMED_SIGNATURE, RETURN, head.cms().withoutCertificate().sign(RETURN)))
                .contains("certificate");
        assertThat(refused(MALFORMED_SIGNATURE, RETURN, head.cms().attached().sign("{}".getBytes(UTF_8))))
                .contains("another document");
    }

    @Test
    void sha1WithRsaEcdsaAndShortRsaKeysAreUnsupported() {
        Credential rsa = ca.rsa().issue(CertificateSpec.forBin(bin));
        Credential ecdsa = ca.rsa().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.EC_P256));
        Credential rsa1024 = ca.rsa().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.RSA_1024));

        assertThat(refused(UNSUPPORTED_ALGORITHM, RETURN, rsa.cms().algorithm("SHA1withRSA").sign(RETURN)))
                .contains("SHA1 with RSA");
        assertThat(refused(UNSUPPORTED_ALGORITHM, RETURN, ecdsa.signDetached(RETURN))).contains("ECDSA");
        assertThat(refused(UNSUPPORTED_ALGORITHM, RETURN, rsa1024.signDetached(RETURN))).contains("1024 bits");
    }

    @Test
    void aChangedReturnOrTheSignatureOfAnotherReturnDoesNotMatch() {
        Credential head = ca.rsa().issue(CertificateSpec.forBin(bin));
        byte[] signature = head.signDetached(RETURN);
        byte[] changed = new String(RETURN, UTF_8).replace("431", "432").getBytes(UTF_8);

        refused(CONTENT_MISMATCH, changed, signature);
        refused(CONTENT_MISMATCH, RETURN, head.signDetached("{\"another\":\"return\"}".getBytes(UTF_8)));
        Credential gost = ca.gost().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.GOST_256));
        refused(CONTENT_MISMATCH, changed, gost.signDetached(RETURN));
    }

    @Test
    void theCertificateMustBeValidWhenNobdReceivesTheSignatureWhateverItsSigningTime() {
        Credential expired = ca.rsa().issue(CertificateSpec.forBin(bin).expired());
        Credential notYet = ca.gost().issue(CertificateSpec.forBin(bin).notYetValid().keyKind(KeyKind.GOST_256));
        Credential valid = ca.rsa().issue(CertificateSpec.forBin(bin));
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));

        // signingTime within the validity does not help an expired certificate, nor a later one a valid one
        refused(CERTIFICATE_EXPIRED, RETURN, expired.cms().signingTime(yesterday.minus(Duration.ofDays(30)))
                .sign(RETURN));
        refused(CERTIFICATE_NOT_YET_VALID, RETURN, notYet.cms().signingTime(Instant.now().plus(Duration.ofDays(2)))
                .sign(RETURN));
        assertThat(verifier.verify(RETURN, valid.cms().signingTime(Instant.now().plus(Duration.ofDays(1000)))
                .sign(RETURN), bin, Instant.now())).isNotNull();
        // the receipt time decides
        assertThatThrownBy(() -> verifier.verify(RETURN, valid.signDetached(RETURN), bin,
                valid.certificate().getNotAfter().toInstant().plusSeconds(1)))
                .isInstanceOfSatisfying(SignatureRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(CERTIFICATE_EXPIRED));
    }

    @Test
    void aCertificateOfAnotherCaIsUntrusted() {
        TestCa foreign = TestCa.create("NOBD TEST CA RSA", KeyKind.RSA_2048, null); // same name, other key

        assertThat(refused(CERTIFICATE_UNTRUSTED, RETURN,
                foreign.issue(CertificateSpec.forBin(bin)).signDetached(RETURN))).contains("NOBD TEST CA RSA");
    }

    @Test
    void aChainThroughAnIntermediateCaInsideTheSignatureIsTrusted() {
        // NCA's issuing CAs sit under its root: the trust store holds the root, the CMS carries the issuing CA
        TestCa issuing = ca.rsa().intermediate("NOBD TEST ISSUING CA RSA", null);
        Credential head = issuing.issue(CertificateSpec.forBin(bin));

        VerifiedSignature signature = verifier.verify(RETURN,
                head.cms().withCertificates(issuing.certificate()).sign(RETURN), bin, Instant.now());

        assertThat(signature.issuer()).startsWith("CN=NOBD TEST ISSUING CA RSA");
        // without the issuing CA's certificate there is no chain to the root
        assertThat(refused(CERTIFICATE_UNTRUSTED, RETURN, head.signDetached(RETURN))).isNotBlank();
    }

    @Test
    void aRevokedCertificateIsRefusedAsSoonAsTheCrlOnDiskListsIt() {
        Credential head = ca.gost().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.GOST_256));
        byte[] signature = head.signDetached(RETURN);
        assertThat(verifier.verify(RETURN, signature, bin, Instant.now())).isNotNull();

        ca.gost().revoke(head.certificate());

        assertThat(refused(CERTIFICATE_REVOKED, RETURN, signature))
                .contains(head.certificate().getSerialNumber().toString(16));
    }

    @Test
    void aCrlNotSignedByTheIssuerRevokesNothing() {
        Credential head = ca.rsa().issue(CertificateSpec.forBin(bin));
        TestCa forger = TestCa.create("NOBD TEST CA RSA", KeyKind.RSA_2048, dir.resolve("forged.crl.pem"));
        forger.revoke(head.certificate());
        SignatureVerifier withForgedCrl = new SignatureVerifier(TrustAnchors.read(ca.trustAnchors()),
                new RevocationLists(List.of(dir.resolve("forged.crl.pem"))));

        assertThat(withForgedCrl.verify(RETURN, head.signDetached(RETURN), bin, Instant.now())).isNotNull();
    }

    @Test
    void anAuthenticationKeyIsNotASigningKey() {
        Credential auth = ca.rsa().issue(CertificateSpec.forBin(bin)
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));

        refused(KEY_USAGE, RETURN, auth.signDetached(RETURN));
    }

    @Test
    void thePersonsCertificateOrAnotherSchoolsIsRefused() {
        Credential person = ca.rsa().issue(CertificateSpec.forBin(bin).withoutBin());
        String otherBin = Ids.bin();
        Credential otherSchool = ca.gost().issue(CertificateSpec.forBin(otherBin).keyKind(KeyKind.GOST_256));

        refused(CERTIFICATE_WITHOUT_BIN, RETURN, person.signDetached(RETURN));
        assertThat(refused(CERTIFICATE_BIN_MISMATCH, RETURN, otherSchool.signDetached(RETURN)))
                .contains(otherBin).contains(bin);
    }

    @Test
    void theChecksRunInTheDocumentedOrder() {
        TestCa foreign = TestCa.create("FOREIGN", KeyKind.RSA_2048, null);
        Credential expiredForeign = foreign.issue(CertificateSpec.forBin(Ids.bin()).expired());
        Credential expiredOtherBin = ca.rsa().issue(CertificateSpec.forBin(Ids.bin()).expired());

        refused(UNSUPPORTED_ALGORITHM, "{}".getBytes(UTF_8), expiredForeign.cms().algorithm("SHA1withRSA")
                .sign(RETURN));
        refused(CONTENT_MISMATCH, "{}".getBytes(UTF_8), expiredForeign.signDetached(RETURN));
        refused(CERTIFICATE_EXPIRED, RETURN, expiredForeign.signDetached(RETURN));
        refused(CERTIFICATE_EXPIRED, RETURN, expiredOtherBin.signDetached(RETURN));
        Credential revokedOtherBin = ca.rsa().issue(CertificateSpec.forBin(Ids.bin()).withoutBin());
        ca.rsa().revoke(revokedOtherBin.certificate());
        refused(CERTIFICATE_REVOKED, RETURN, revokedOtherBin.signDetached(RETURN));
    }

    @Test
    void refusalsAreSentencesForTheClerk() {
        Credential expired = ca.rsa().issue(CertificateSpec.forBin(bin).expired());

        assertThat(refused(CERTIFICATE_EXPIRED, RETURN, expired.signDetached(RETURN)))
                .startsWith("The signing certificate expired on ").endsWith(".")
                .doesNotContain("Exception", "java.", "org.bouncycastle");
        assertThat(refused(MALFORMED_SIGNATURE, RETURN, new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 }))
                .doesNotContain("Exception", "java.", "org.bouncycastle");
    }

    /** Asserts that verifying {@code signature} over {@code content} is refused for {@code reason}; its message. */
    private String refused(SignatureRefusal reason, byte[] content, byte[] signature) {
        try {
            verifier.verify(content, signature, bin, Instant.now());
        } catch (SignatureRefusedException e) {
            assertThat(e.refusal()).as(e.getMessage()).isEqualTo(reason);
            return e.getMessage();
        }
        throw new AssertionError("accepted, expected " + reason);
    }
}
