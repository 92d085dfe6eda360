package kz.nobd.testing.signing;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A school head's signing key with its certificate, and the signature algorithm the key signs with by default
 * (SHA256withRSA, or GOST R 34.11-2012 with GOST R 34.10-2015 for a GOST key).
 */
public record Credential(PrivateKey privateKey, X509Certificate certificate, String signatureAlgorithm) {

    /** The detached CMS signature (DER) of {@code content}, with the signer's certificate and signingTime now. */
    public byte[] signDetached(byte[] content) {
        return cms().sign(content);
    }

    /** {@link #signDetached} of the UTF-8 bytes of {@code content}, in base64. */
    public String signDetachedBase64(String content) {
        return Base64.getEncoder().encodeToString(signDetached(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** A signature with other choices: algorithm, signingTime, attached content, certificates. */
    public CmsSignature cms() {
        return new CmsSignature(this);
    }
}
