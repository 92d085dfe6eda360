package kz.nobd.testing.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The CRL of a {@link TestCa}: valid for 30 days, numbered, signed by the CA. With a file, the file is the list of
 * revoked certificates (read before and written after every revocation, atomically), so two copies of the same CA
 * (two class loaders, two runs of the CLI) agree; without one, it lives in memory.
 */
final class TestCrl {
    private final X509Certificate issuer;
    private final PrivateKey key;
    private final KeyKind kind;
    private final Path file;
    private X509CRLHolder last;

    TestCrl(X509Certificate issuer, PrivateKey key, KeyKind kind, Path file) {
        this.issuer = issuer;
        this.key = key;
        this.kind = kind;
        this.file = file;
    }

    synchronized X509CRL revoke(X509Certificate revoked) {
        X509CRLHolder previous = current();
        Instant now = Instant.now();
        X509v2CRLBuilder builder = builder(now, previous == null ? BigInteger.ONE
                : CRLNumber.getInstance(previous.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber()
                        .add(BigInteger.ONE));
        if (previous != null) {
            builder.addCRL(previous);
        }
        builder.addCRLEntry(revoked.getSerialNumber(), Date.from(now), CRLReason.keyCompromise);
        return publish(builder);
    }

    synchronized X509CRL crl() {
        X509CRLHolder current = current();
        return current == null ? writeEmpty() : convert(current);
    }

    synchronized X509CRL writeEmpty() {
        return publish(builder(Instant.now(), BigInteger.ONE));
    }

    boolean fileExists() {
        return file == null || Files.exists(file);
    }

    private X509CRLHolder current() {
        if (file != null && Files.exists(file)) {
            try {
                last = new JcaX509CRLHolder(Pem.crl(file));
            } catch (CRLException e) {
                throw new IllegalStateException(file + ": unreadable CRL", e);
            }
        }
        return last;
    }

    private X509v2CRLBuilder builder(Instant now, BigInteger number) {
        try {
            return new X509v2CRLBuilder(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                    Date.from(now)).setNextUpdate(Date.from(now.plus(Duration.ofDays(30))))
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(number))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a CRL", e);
        }
    }

    private X509CRL publish(X509v2CRLBuilder builder) {
        try {
            last = builder.build(new JcaContentSignerBuilder(kind.signatureAlgorithm()).setProvider(Bc.PROVIDER)
                    .build(key));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a CRL", e);
        }
        X509CRL converted = convert(last);
        if (file != null) {
            Pem.write(file, converted);
        }
        return converted;
    }

    private static X509CRL convert(X509CRLHolder holder) {
        try {
            return new JcaX509CRLConverter().setProvider(Bc.PROVIDER).getCRL(holder);
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }
}
