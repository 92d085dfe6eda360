package kz.nobd.testing.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

import org.bouncycastle.jce.spec.ECNamedCurveGenParameterSpec;

/**
 * The key types of the test CA: what Kazakhstan's NCA issues (RSA 2048, GOST R 34.10-2015 with 256- and 512-bit
 * keys, BouncyCastle's ECGOST3410-2012) and, for the refusals, what NOBD does not accept (a 1024-bit RSA key,
 * ECDSA on P-256).
 */
public enum KeyKind {
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    RSA_1024("RSA", new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    GOST_256("ECGOST3410-2012", new ECNamedCurveGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"),
            "GOST3411-2012-256WITHECGOST3410-2012-256"),
    GOST_512("ECGOST3410-2012", new ECNamedCurveGenParameterSpec("Tc26-Gost-3410-12-512-paramSetA"),
            "GOST3411-2012-512WITHECGOST3410-2012-512"),
    EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA");

    private final String keyAlgorithm;
    private final AlgorithmParameterSpec parameters;
    private final String signatureAlgorithm;

    KeyKind(String keyAlgorithm, AlgorithmParameterSpec parameters, String signatureAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
        this.parameters = parameters;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** A fresh key pair of this kind. */
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm, Bc.PROVIDER);
            generator.initialize(parameters);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key", e);
        }
    }

    /** The signature algorithm a key of this kind signs certificates, CRLs and content with, by default. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }
}
