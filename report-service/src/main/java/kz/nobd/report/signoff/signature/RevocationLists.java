package kz.nobd.report.signoff.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

/**
 * The CRL files of {@code nobd.signoff.crls} (PEM or DER, any number of CRLs each). Every file must be readable at
 * start-up; afterwards a file is read again when its modification time or size changes, so a CRL replaced on disk
 * takes effect at the next signature without a restart. A file that cannot be read any more keeps its last good
 * CRLs (an error is logged). A CRL counts only for its issuer and only if its signature verifies with the
 * issuer's key.
 */
final class RevocationLists {
    private static final Logger LOG = Logger.getLogger(RevocationLists.class);

    private record Read(FileTime modified, long size, List<X509CRL> crls) {
    }

    private final List<Path> files;
    private final Map<Path, Read> read = new ConcurrentHashMap<>();

    RevocationLists(List<Path> files) {
        this.files = List.copyOf(files);
        for (Path file : this.files) {
            try {
                read.put(file, read(file));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw new IllegalStateException("nobd.signoff.crls (NOBD_SIGNOFF_CRLS): " + file
                        + " is not a readable CRL file (" + e.getMessage() + ")", e);
            }
        }
    }

    /** The entry of {@code certificate} on a CRL signed by {@code issuer}, if it is on one. */
    Optional<X509CRLEntry> revocation(X509Certificate certificate, X509Certificate issuer) {
        for (Path file : files) {
            for (X509CRL crl : current(file)) {
                if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                    continue;
                }
                try {
                    crl.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
                } catch (GeneralSecurityException | RuntimeException e) {
                    LOG.errorf("CRL of %s in %s: its signature does not verify with the issuer's key, ignored",
                            crl.getIssuerX500Principal(), file);
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    private List<X509CRL> current(Path file) {
        Read last = read.get(file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.lastModifiedTime().equals(last.modified()) && attributes.size() == last.size()) {
                return last.crls();
            }
            Read again = read(file);
            read.put(file, again);
            LOG.infof("CRL file %s read again: %d CRL(s)", file, again.crls().size());
            return again.crls();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.errorf("CRL file %s cannot be read (%s): its last good CRLs stay in use", file, e.getMessage());
            return last.crls();
        }
    }

    private static Read read(Path file) throws IOException, GeneralSecurityException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        List<X509CRL> crls = BouncyCastle.crls(Files.readAllBytes(file));
        if (crls.isEmpty()) {
            throw new GeneralSecurityException("no CRL in it");
        }
        return new Read(attributes.lastModifiedTime(), attributes.size(), crls);
    }
}
