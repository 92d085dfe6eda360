package kz.nobd.report.signoff.signature;

import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_BIN_MISMATCH;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_EXPIRED;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_NOT_YET_VALID;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_REVOKED;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_WITHOUT_BIN;
import static kz.nobd.report.signoff.signature.SignatureRefusal.CONTENT_MISMATCH;
import static kz.nobd.report.signoff.signature.SignatureRefusal.KEY_USAGE;
import static kz.nobd.report.signoff.signature.SignatureRefusal.MALFORMED_SIGNATURE;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import io.quarkus.runtime.Startup;

/**
 * Checks a school's detached CMS (PKCS#7) signature of a return: the signature file must be over exactly
 * {@code content}, by a certificate of a configured CA, valid and not revoked when NOBD receives it ({@code at}:
 * there is no trusted timestamp, so the signing date is the receipt; the signingTime attribute is recorded, not
 * trusted), issued to the school's own organisation. The checks, in this order, each with its refusal:
 * <ol>
 * <li>parse: DER/BER CMS SignedData, one signer, the signer's certificate inside, no other content attached
 * ({@link SignatureRefusal#MALFORMED_SIGNATURE});</li>
 * <li>algorithm: RSA of 2048 bits or more with SHA-256/384/512, or GOST R 34.10-2015 with GOST R 34.11-2012
 * ({@link SignatureRefusal#UNSUPPORTED_ALGORITHM});</li>
 * <li>the signature over {@code content} ({@link SignatureRefusal#CONTENT_MISMATCH});</li>
 * <li>the certificate's dates at {@code at} ({@link SignatureRefusal#CERTIFICATE_NOT_YET_VALID},
 * {@link SignatureRefusal#CERTIFICATE_EXPIRED});</li>
 * <li>a PKIX path (BouncyCastle, date {@code at}, revocation off) to a trust anchor
 * ({@link SignatureRefusal#CERTIFICATE_UNTRUSTED});</li>
 * <li>the CRLs of the certificate's issuer, their signatures checked ({@link SignatureRefusal#CERTIFICATE_REVOKED});</li>
 * <li>key usage with nonRepudiation, a signing key and not an authentication key ({@link SignatureRefusal#KEY_USAGE});</li>
 * <li>the organisation's BIN, subject OU=BIN&lt;12 digits&gt; as NCA writes it, equal to {@code schoolBin}
 * ({@link SignatureRefusal#CERTIFICATE_WITHOUT_BIN}, {@link SignatureRefusal#CERTIFICATE_BIN_MISMATCH}).</li>
 * </ol>
 * Made at start-up ({@link Startup}): the service does not start without readable trust anchors and CRLs.
 */
@Startup
@ApplicationScoped
public class SignatureVerifier {
    private static final Pattern BIN = Pattern.compile("BIN(\\d{12})");
    private static final int NON_REPUDIATION = 1;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Almaty"));

    private final TrustAnchors anchors;
    private final RevocationLists crls;

    @Inject
    SignatureVerifier(SignatureConfig config) {
        this(TrustAnchors.read(config.trustAnchors()), new RevocationLists(config.crls().orElse(List.of())));
    }

    SignatureVerifier(TrustAnchors anchors, RevocationLists crls) {
        this.anchors = anchors;
        this.crls = crls;
    }

    /** The signature if NOBD accepts it; else {@link SignatureRefusedException} with the first failed check. */
    public VerifiedSignature verify(byte[] content, byte[] cmsDer, String schoolBin, Instant at) {
        ParsedSignature parsed = ParsedSignature.parse(content, cmsDer);
        X509Certificate certificate = parsed.certificate();
        String algorithm = SignatureAlgorithms.accepted(parsed.signer(), certificate);
        checkSignature(parsed);
        checkDates(certificate, at);
        X509Certificate issuer = anchors.issuerOf(certificate, parsed.certificates(), at);
        crls.revocation(certificate, issuer).ifPresent(entry -> {
            throw new SignatureRefusedException(CERTIFICATE_REVOKED, "The signing certificate (serial "
                    + certificate.getSerialNumber().toString(16) + ") was revoked by its certification authority on "
                    + DATE.format(entry.getRevocationDate().toInstant()) + "; sign with a valid certificate.");
        });
        checkKeyUsage(certificate);
        checkBin(certificate, schoolBin);
        return new VerifiedSignature(Names.text(certificate.getSubjectX500Principal()),
                Names.text(certificate.getIssuerX500Principal()), certificate.getSerialNumber().toString(16),
                algorithm, parsed.signingTime(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), base64(certificate));
    }

    private static void checkSignature(ParsedSignature parsed) {
        boolean valid;
        try {
            valid = parsed.signer().verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(parsed.certificate().getPublicKey()));
        } catch (CMSSignerDigestMismatchException e) {
            valid = false;
        } catch (Exception e) { // a signer info BouncyCastle cannot check (attributes out of shape, say)
            throw new SignatureRefusedException(MALFORMED_SIGNATURE, "The signature cannot be checked; sign the "
                    + "return again with the school head's NCA key.");
        }
        if (!valid) {
            throw new SignatureRefusedException(CONTENT_MISMATCH, "The signature does not match this return: "
                    + "either the return changed after it was signed, or another document was signed. Sign the "
                    + "return as NOBD shows it now.");
        }
    }

    private static void checkDates(X509Certificate certificate, Instant at) {
        if (at.isBefore(certificate.getNotBefore().toInstant())) {
            throw new SignatureRefusedException(CERTIFICATE_NOT_YET_VALID, "The signing certificate is valid only "
                    + "from " + DATE.format(certificate.getNotBefore().toInstant()) + "; sign with a certificate "
                    + "that is valid now.");
        }
        if (at.isAfter(certificate.getNotAfter().toInstant())) {
            throw new SignatureRefusedException(CERTIFICATE_EXPIRED, "The signing certificate expired on "
                    + DATE.format(certificate.getNotAfter().toInstant()) + "; sign with a valid certificate (NCA "
                    + "renews certificates of legal entities).");
        }
    }

    private static void checkKeyUsage(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || usage.length <= NON_REPUDIATION || !usage[NON_REPUDIATION]) {
            throw new SignatureRefusedException(KEY_USAGE, "The certificate is not a signing certificate (its key "
                    + "usage lacks non-repudiation; an authentication key, AUTH, is for logging in): sign with the "
                    + "school head's signing key.");
        }
    }

    private static void checkBin(X509Certificate certificate, String schoolBin) {
        List<String> bins = Names.values(certificate.getSubjectX500Principal(), BCStyle.OU).stream()
                .map(BIN::matcher).filter(java.util.regex.Matcher::matches).map(m -> m.group(1)).toList();
        if (bins.isEmpty()) {
            throw new SignatureRefusedException(CERTIFICATE_WITHOUT_BIN, "The signing certificate is a person's, "
                    + "not an organisation's (it carries no BIN): sign with the certificate NCA issued to the "
                    + "school head for the school.");
        }
        if (!bins.contains(schoolBin)) {
            throw new SignatureRefusedException(CERTIFICATE_BIN_MISMATCH, "The signing certificate is issued for "
                    + "the organisation with BIN " + bins.get(0) + ", not for this school (BIN " + schoolBin
                    + "): sign with this school's certificate.");
        }
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
