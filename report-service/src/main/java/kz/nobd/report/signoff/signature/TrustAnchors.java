package kz.nobd.report.signoff.signature;

import static kz.nobd.report.signoff.signature.SignatureRefusal.CERTIFICATE_UNTRUSTED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The certification authorities whose certificates may sign returns, read once from a PEM file or a directory of
 * certificate files ({@code *.pem}, {@code *.crt}, {@code *.cer}, PEM or DER). A signer's certificate is trusted when
 * PKIX (BouncyCastle) builds a path from it, through the certificates inside the signature, to one of them, valid at
 * the time of receipt; revocation is checked apart ({@link RevocationLists}).
 */
final class TrustAnchors {
    private final Set<TrustAnchor> anchors;

    private TrustAnchors(List<X509Certificate> certificates) {
        this.anchors = certificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
    }

    /** Reads {@code location}; fails with a sentence for the operator if it is missing or holds no certificate. */
    static TrustAnchors read(Path location) {
        if (!Files.exists(location)) {
            throw new IllegalStateException("nobd.signoff.trust-anchors (NOBD_SIGNOFF_TRUST_ANCHORS): " + location
                    + " does not exist; it must be a PEM file or a directory with the certificates of the CAs whose "
                    + "signatures NOBD accepts");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files(location)) {
            try {
                List<X509Certificate> read = BouncyCastle.certificates(Files.readAllBytes(file));
                if (read.isEmpty()) {
                    throw new IllegalStateException("no certificate");
                }
                certificates.addAll(read);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw new IllegalStateException("nobd.signoff.trust-anchors (NOBD_SIGNOFF_TRUST_ANCHORS): " + file
                        + " holds no readable certificate (" + e.getMessage() + ")", e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException("nobd.signoff.trust-anchors (NOBD_SIGNOFF_TRUST_ANCHORS): " + location
                    + " holds no certificate (*.pem, *.crt or *.cer)");
        }
        return new TrustAnchors(certificates);
    }

    /** The certificate that issued {@code certificate}, on a path to an anchor valid at {@code at}; else refused. */
    X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> others, Instant at) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> store = new ArrayList<>(others);
            store.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store),
                    BouncyCastle.PROVIDER));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder
                    .getInstance("PKIX", BouncyCastle.PROVIDER).build(parameters);
            List<? extends java.security.cert.Certificate> path = result.getCertPath().getCertificates();
            return path.size() > 1 ? (X509Certificate) path.get(1) : result.getTrustAnchor().getTrustedCert();
        } catch (GeneralSecurityException e) {
            throw new SignatureRefusedException(CERTIFICATE_UNTRUSTED, "The signing certificate (issued by "
                    + Names.commonName(certificate.getIssuerX500Principal()) + ") was not issued by a certification "
                    + "authority NOBD trusts; sign with the school head's certificate from the National "
                    + "Certification Authority of Kazakhstan.");
        }
    }

    int size() {
        return anchors.size();
    }

    private static List<Path> files(Path location) {
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        try (Stream<Path> listed = Files.list(location)) {
            return listed.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer");
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("nobd.signoff.trust-anchors (NOBD_SIGNOFF_TRUST_ANCHORS): cannot list "
                    + location + ": " + e.getMessage(), e);
        }
    }
}
