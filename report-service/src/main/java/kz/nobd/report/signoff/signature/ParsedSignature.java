package kz.nobd.report.signoff.signature;

import static kz.nobd.report.signoff.signature.SignatureRefusal.MALFORMED_SIGNATURE;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * A CMS SignedData over a return, taken apart: its one signer, the signer's certificate (which must be inside),
 * every certificate inside (intermediate CAs for the chain), and the signingTime attribute if present. Any other
 * shape is {@link SignatureRefusal#MALFORMED_SIGNATURE}.
 */
record ParsedSignature(SignerInformation signer, X509Certificate certificate, List<X509Certificate> certificates,
        Instant signingTime) {

    static ParsedSignature parse(byte[] content, byte[] der) {
        CMSSignedData signedData = signedData(content, der);
        Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw refused("The signature file holds " + signers.size() + " signatures; sign the return with "
                    + "exactly one key, the school head's.");
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> own = signedData.getCertificates().getMatches(signer.getSID());
        if (own.isEmpty()) {
            throw refused("The signature file does not include the signer's certificate; sign the return again "
                    + "with a program that includes it (NCALayer does).");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (Object holder : signedData.getCertificates().getMatches(null)) {
                certificates.add(BouncyCastle.certificate(((X509CertificateHolder) holder).getEncoded()));
            }
            X509Certificate certificate = BouncyCastle.certificate(own.iterator().next().getEncoded());
            return new ParsedSignature(signer, certificate, certificates, signingTime(signer));
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw refused("The signer's certificate in the signature file cannot be read; sign the return again.");
        }
    }

    /** The detached SignedData with {@code content} as its content. */
    private static CMSSignedData signedData(byte[] content, byte[] der) {
        ContentInfo info;
        CMSSignedData inside;
        try {
            info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                throw new IllegalArgumentException("not SignedData: " + info.getContentType());
            }
            inside = new CMSSignedData(info);
        } catch (Exception e) {
            throw refused("The signature is not a CMS (PKCS#7) signature file; sign the return again with the "
                    + "school head's NCA key.");
        }
        if (inside.getSignedContent() != null) {
            if (!Arrays.equals((byte[]) inside.getSignedContent().getContent(), content)) {
                throw refused("The signature file contains another document than this return; sign the return's "
                        + "content as NOBD shows it (a detached signature).");
            }
            return inside;
        }
        try {
            return new CMSSignedData(new CMSProcessableByteArray(content), info);
        } catch (Exception e) {
            throw refused("The signature is not a CMS (PKCS#7) signature file; sign the return again with the "
                    + "school head's NCA key.");
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return null;
        }
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null; // not trusted anyway
        }
    }

    private static SignatureRefusedException refused(String message) {
        return new SignatureRefusedException(MALFORMED_SIGNATURE, message);
    }
}
