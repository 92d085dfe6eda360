package kz.nobd.testing.signing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM files of the test CA: certificates, CRLs and private keys (PKCS#8, unencrypted: test keys only). Files are
 * written to a temporary name and moved into place, so a reader (the service re-reading a CRL) never sees half.
 */
public final class Pem {
    private Pem() {
    }

    public static void write(Path file, Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, text.toString(), StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static X509Certificate certificate(Path file) {
        try {
            return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER)
                    .getCertificate(read(file, X509CertificateHolder.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + ": not a certificate", e);
        }
    }

    public static PrivateKey privateKey(Path file) {
        try {
            return new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPrivateKey(read(file, PrivateKeyInfo.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static X509CRL crl(Path file) {
        try {
            return new JcaX509CRLConverter().setProvider(Bc.PROVIDER).getCRL(read(file, X509CRLHolder.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + ": not a CRL", e);
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (!type.isInstance(object)) {
                throw new IllegalStateException(file + ": expected a PEM " + type.getSimpleName() + ", found "
                        + (object == null ? "nothing" : object.getClass().getSimpleName()));
            }
            return type.cast(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
