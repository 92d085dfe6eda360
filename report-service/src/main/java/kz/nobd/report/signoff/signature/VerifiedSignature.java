package kz.nobd.report.signoff.signature;

import java.time.Instant;

/**
 * A signature NOBD accepted: who signed (the certificate's subject and issuer distinguished names, its serial in
 * hexadecimal, its validity, the certificate itself in base64 DER) and how ({@code algorithm}, e.g.
 * "SHA256withRSA" or "GOST3411-2012-256withECGOST3410-2012-256"). {@code signingTime} is the CMS signingTime
 * attribute as the signer's computer wrote it (null if absent): recorded, not trusted; the signing date is when
 * NOBD received the signature.
 */
public record VerifiedSignature(
        String subject,
        String issuer,
        String serial,
        String algorithm,
        Instant signingTime,
        Instant notBefore,
        Instant notAfter,
        String certificate) {
}
