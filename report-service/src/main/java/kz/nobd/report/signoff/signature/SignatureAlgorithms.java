package kz.nobd.report.signoff.signature;

import static kz.nobd.report.signoff.signature.SignatureRefusal.UNSUPPORTED_ALGORITHM;

import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.rosstandart.RosstandartObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * The signature algorithms NOBD accepts, those of Kazakhstan's NCA certificates: RSA (key of 2048 bits or more)
 * with SHA-256, SHA-384 or SHA-512, and GOST R 34.10-2015 (BouncyCastle's ECGOST3410-2012) with GOST R 34.11-2012
 * (Streebog) of the same size, 256 or 512 bits. A signer info names its digest and its signature algorithm (as the
 * key's algorithm, or as the combined "digest with key" identifier); the certificate's key must be of that kind.
 */
final class SignatureAlgorithms {
    private static final int MIN_RSA_BITS = 2048;

    private record Accepted(String name, ASN1ObjectIdentifier digest, ASN1ObjectIdentifier key,
            Set<ASN1ObjectIdentifier> signature) {
    }

    private static final List<Accepted> ACCEPTED = List.of(
            rsa("SHA256withRSA", NISTObjectIdentifiers.id_sha256, PKCSObjectIdentifiers.sha256WithRSAEncryption),
            rsa("SHA384withRSA", NISTObjectIdentifiers.id_sha384, PKCSObjectIdentifiers.sha384WithRSAEncryption),
            rsa("SHA512withRSA", NISTObjectIdentifiers.id_sha512, PKCSObjectIdentifiers.sha512WithRSAEncryption),
            new Accepted("GOST3411-2012-256withECGOST3410-2012-256",
                    RosstandartObjectIdentifiers.id_tc26_gost_3411_12_256,
                    RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256,
                    Set.of(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256,
                            RosstandartObjectIdentifiers.id_tc26_signwithdigest_gost_3410_12_256)),
            new Accepted("GOST3411-2012-512withECGOST3410-2012-512",
                    RosstandartObjectIdentifiers.id_tc26_gost_3411_12_512,
                    RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512,
                    Set.of(RosstandartObjectIdentifiers.id_tc26_gost_3410_12_512,
                            RosstandartObjectIdentifiers.id_tc26_signwithdigest_gost_3410_12_512)));

    private SignatureAlgorithms() {
    }

    /** The readable name of the signer's algorithm if NOBD accepts it with the certificate's key; else refused. */
    static String accepted(SignerInformation signer, X509Certificate certificate) {
        ASN1ObjectIdentifier digest = new ASN1ObjectIdentifier(signer.getDigestAlgOID());
        ASN1ObjectIdentifier signature = new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        ASN1ObjectIdentifier key = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())
                .getAlgorithm().getAlgorithm();
        for (Accepted accepted : ACCEPTED) {
            if (accepted.digest.equals(digest) && accepted.signature.contains(signature)) {
                if (!accepted.key.equals(key)) {
                    throw refused("The signature says " + accepted.name + " but the certificate holds a "
                            + name(key) + " key; sign the return again with the school head's NCA key.");
                }
                if (certificate.getPublicKey() instanceof RSAPublicKey rsa
                        && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw refused("The certificate's RSA key has " + rsa.getModulus().bitLength() + " bits; NOBD "
                            + "accepts RSA keys of " + MIN_RSA_BITS + " bits or more.");
                }
                return accepted.name;
            }
        }
        String signatureName = name(signature);
        String used = signatureName.toUpperCase(Locale.ROOT).contains("WITH") ? signatureName
                : name(digest) + " with " + signatureName;
        throw refused("The signature uses " + used + ", which NOBD does not accept; sign with an NCA key: RSA with "
                + "SHA-256, SHA-384 or SHA-512, or GOST R 34.10-2015 with GOST R 34.11-2012.");
    }

    private static Accepted rsa(String name, ASN1ObjectIdentifier digest, ASN1ObjectIdentifier withRsa) {
        return new Accepted(name, digest, PKCSObjectIdentifiers.rsaEncryption,
                Set.of(PKCSObjectIdentifiers.rsaEncryption, withRsa));
    }

    private static String name(ASN1ObjectIdentifier oid) {
        return new DefaultAlgorithmNameFinder().getAlgorithmName(oid);
    }

    private static SignatureRefusedException refused(String message) {
        return new SignatureRefusedException(UNSUPPORTED_ALGORITHM, message);
    }
}
