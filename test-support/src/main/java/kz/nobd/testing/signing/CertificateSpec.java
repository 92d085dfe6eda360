package kz.nobd.testing.signing;

import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What the test CA writes into a school head's certificate: the organisation's BIN (subject OU=BIN&lt;bin&gt;, or
 * none), the validity, the key type and the key usage bits ({@link KeyUsage}). {@link #forBin} is what NCA issues a
 * legal entity's head: valid from yesterday for two years, RSA 2048, digitalSignature and nonRepudiation.
 */
public record CertificateSpec(String bin, Instant notBefore, Instant notAfter, KeyKind keyKind, int keyUsage) {
    public static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    public static final Duration TWO_YEARS = Duration.ofDays(730);

    public static CertificateSpec forBin(String bin) {
        Instant now = Instant.now();
        return new CertificateSpec(bin, now.minus(Duration.ofDays(1)), now.plus(TWO_YEARS), KeyKind.RSA_2048, SIGNING);
    }

    public CertificateSpec validBetween(Instant from, Instant until) {
        return new CertificateSpec(bin, from, until, keyKind, keyUsage);
    }

    /** Valid for a year that ended yesterday. */
    public CertificateSpec expired() {
        Instant now = Instant.now();
        return validBetween(now.minus(Duration.ofDays(366)), now.minus(Duration.ofDays(1)));
    }

    /** Valid for a year from tomorrow. */
    public CertificateSpec notYetValid() {
        Instant now = Instant.now();
        return validBetween(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(366)));
    }

    public CertificateSpec keyKind(KeyKind kind) {
        return new CertificateSpec(bin, notBefore, notAfter, kind, keyUsage);
    }

    public CertificateSpec keyUsage(int bits) {
        return new CertificateSpec(bin, notBefore, notAfter, keyKind, bits);
    }

    /** No OU=BIN... in the subject (a certificate of an individual, not of an organisation). */
    public CertificateSpec withoutBin() {
        return new CertificateSpec(null, notBefore, notAfter, keyKind, keyUsage);
    }
}
