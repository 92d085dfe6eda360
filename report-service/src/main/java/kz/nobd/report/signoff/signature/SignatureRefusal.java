package kz.nobd.report.signoff.signature;

/** Why a school's signature of a return is refused (machine-readable; {@link SignatureVerifier} checks in order). */
public enum SignatureRefusal {
    /**
     * Not a DER/BER CMS SignedData, not exactly one signer, no signer certificate inside, content attached that is
     * not the return, or a signature that cannot be checked at all.
     */
    MALFORMED_SIGNATURE,
    /**
     * Not RSA (2048 bits or more) with SHA-256/384/512, nor GOST R 34.10-2015 (256 or 512 bits) with GOST R
     * 34.11-2012 of the same size: SHA1withRSA, ECDSA, RSA-PSS, a 1024-bit RSA key...
     */
    UNSUPPORTED_ALGORITHM,
    /** The signature does not verify over the return: the return changed after signing, or another was signed. */
    CONTENT_MISMATCH,
    /** The signer's certificate does not chain to a configured trust anchor. */
    CERTIFICATE_UNTRUSTED,
    /** The signer's certificate expired before NOBD received the signature. */
    CERTIFICATE_EXPIRED,
    /** The signer's certificate is valid only from a time after NOBD received the signature. */
    CERTIFICATE_NOT_YET_VALID,
    /** The signer's certificate is on a CRL of its issuer. */
    CERTIFICATE_REVOKED,
    /** The certificate's key usage lacks nonRepudiation: not a signing key (an NCA AUTH key, say). */
    KEY_USAGE,
    /** The certificate's subject has no OU=BIN&lt;12 digits&gt;: a person's certificate, not an organisation's. */
    CERTIFICATE_WITHOUT_BIN,
    /** The certificate's BIN is another organisation's than the school whose return it signs. */
    CERTIFICATE_BIN_MISMATCH
}
