package kz.nobd.testing.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import kz.nobd.testing.Ids;

/**
 * A certification authority for tests and the dev stack, shaped like Kazakhstan's NCA: it issues school heads'
 * certificates ({@code CN=<name>, SURNAME=..., SERIALNUMBER=IIN<synthetic>, C=KZ, O=<organisation>,
 * OU=BIN<bin>}), revokes them and publishes a CRL. Its key is RSA or GOST ({@link KeyKind}); names and IINs are
 * synthetic. Its CRL: {@link TestCrl}.
 */
public final class TestCa {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] SURNAMES = { "TESTOV", "SYNTHETICOV", "DEMOV", "PRIMEROV" };
    private static final String[] GIVEN_NAMES = { "ERLAN", "TIMUR", "ASKAR", "DAMIR" };

    private final KeyKind kind;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final TestCrl crl;

    private TestCa(KeyKind kind, PrivateKey key, X509Certificate certificate, Path crlFile) {
        this.kind = kind;
        this.key = key;
        this.certificate = certificate;
        this.crl = new TestCrl(certificate, key, kind, crlFile);
    }

    /** A new CA valid from yesterday for ten years; its CRL is kept in {@code crlFile} (null: in memory). */
    public static TestCa create(String commonName, KeyKind kind, Path crlFile) {
        return newCa(commonName, kind, null, Duration.ofDays(3650), crlFile);
    }

    /**
     * An intermediate CA under this one (as NCA's issuing CAs sit under its root), valid for five years; its CRL is
     * kept in {@code crlFile} (null: in memory).
     */
    public TestCa intermediate(String commonName, Path crlFile) {
        return newCa(commonName, kind, this, Duration.ofDays(1825), crlFile);
    }

    /** A CA certificate and key: self-signed when {@code parent} is null, else issued by it (a path length of 0). */
    private static TestCa newCa(String commonName, KeyKind kind, TestCa parent, Duration valid, Path crlFile) {
        KeyPair keys = kind.generate();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, "NOBD test CA (not NCA)").addRDN(BCStyle.C, "KZ").build();
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            Date from = Date.from(now.minus(Duration.ofDays(1)));
            Date until = Date.from(now.plus(valid));
            X509v3CertificateBuilder builder = (parent == null
                    ? new JcaX509v3CertificateBuilder(name, serial(), from, until, name, keys.getPublic())
                    : new JcaX509v3CertificateBuilder(parent.certificate, serial(), from, until, name, keys.getPublic()))
                    .addExtension(Extension.basicConstraints, true,
                            parent == null ? new BasicConstraints(true) : new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            if (parent != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(parent.certificate));
            }
            X509Certificate certificate = certificate(builder,
                    signer(kind, parent == null ? keys.getPrivate() : parent.key));
            TestCa ca = new TestCa(kind, keys.getPrivate(), certificate, crlFile);
            ca.crl.writeEmpty();
            return ca;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the test CA " + commonName, e);
        }
    }

    /** A CA saved with {@link #save}; its CRL (if any) is {@code crlFile}. */
    public static TestCa load(KeyKind kind, Path certificateFile, Path keyFile, Path crlFile) {
        TestCa ca = new TestCa(kind, Pem.privateKey(keyFile), Pem.certificate(certificateFile), crlFile);
        if (!ca.crl.fileExists()) {
            ca.crl.writeEmpty();
        }
        return ca;
    }

    public void save(Path certificateFile, Path keyFile) {
        Pem.write(keyFile, key);
        Pem.write(certificateFile, certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public KeyKind kind() {
        return kind;
    }

    /** A school head's certificate and key as {@code spec} says, issued now. */
    public Credential issue(CertificateSpec spec) {
        KeyPair keys = spec.keyKind().generate();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(spec.notBefore()), Date.from(spec.notAfter()), subject(spec.bin()), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            return new Credential(keys.getPrivate(), certificate(builder, signer(kind, key)),
                    spec.keyKind().signatureAlgorithm());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + spec, e);
        }
    }

    /** Puts {@code revoked} on the CRL (key compromise, now) and writes the CRL file; returns the new CRL. */
    public X509CRL revoke(X509Certificate revoked) {
        return crl.revoke(revoked);
    }

    /** The current CRL (an empty one if nothing was revoked). */
    public X509CRL crl() {
        return crl.crl();
    }

    private static X500Name subject(String bin) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        String givenName = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
        // a man born 1960-1989 (century/sex digit 3): synthetic, with a valid check digit
        String iin = Ids.iin(LocalDate.of(1960, 1, 1).plusDays(random.nextInt(30 * 365)), '3');
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, surname + " " + givenName)
                .addRDN(BCStyle.SURNAME, surname).addRDN(BCStyle.SERIALNUMBER, "IIN" + iin)
                .addRDN(BCStyle.C, "KZ");
        if (bin != null) {
            name.addRDN(BCStyle.O, "SYNTHETIC SCHOOL " + bin).addRDN(BCStyle.OU, "BIN" + bin);
        }
        return name.addRDN(BCStyle.GIVENNAME, givenName + "OVICH").build();
    }

    private static ContentSigner signer(KeyKind kind, PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(kind.signatureAlgorithm()).setProvider(Bc.PROVIDER).build(key);
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, ContentSigner signer)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(builder.build(signer));
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }
}
