package kz.nobd.report.signoff.signature;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider, used by instance and never registered in the JVM's provider list (nothing else in
 * the service changes behaviour), and its X.509 factory: certificates it parses verify GOST signatures too.
 */
final class BouncyCastle {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }

    /** Every certificate of PEM or DER {@code bytes} (none: an empty list). */
    static List<X509Certificate> certificates(byte[] bytes) throws GeneralSecurityException {
        Collection<? extends java.security.cert.Certificate> read = factory()
                .generateCertificates(new ByteArrayInputStream(bytes));
        return read.stream().map(X509Certificate.class::cast).toList();
    }

    static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
    }

    /** Every CRL of PEM or DER {@code bytes}. */
    static List<X509CRL> crls(byte[] bytes) throws GeneralSecurityException {
        Collection<? extends CRL> read = factory().generateCRLs(new ByteArrayInputStream(bytes));
        return read.stream().map(X509CRL.class::cast).toList();
    }

    private static CertificateFactory factory() throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509", PROVIDER);
    }
}
