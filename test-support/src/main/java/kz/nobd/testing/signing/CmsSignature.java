package kz.nobd.testing.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A CMS SignedData (PKCS#7) over some content by one {@link Credential}: by default detached (the content is not
 * inside), with the signer's certificate and a signingTime attribute of now, signed with the credential's algorithm.
 * The other choices make the signatures NOBD refuses.
 */
public final class CmsSignature {
    private final Credential signer;
    private String algorithm;
    private Instant signingTime = Instant.now();
    private boolean attached;
    private boolean withCertificate = true;
    private final List<X509Certificate> extraCertificates = new ArrayList<>();
    private Credential secondSigner;

    CmsSignature(Credential signer) {
        this.signer = signer;
        this.algorithm = signer.signatureAlgorithm();
    }

    /** A JCA signature algorithm name, e.g. "SHA1withRSA". */
    public CmsSignature algorithm(String name) {
        this.algorithm = name;
        return this;
    }

    /** The signingTime attribute; null for none. */
    public CmsSignature signingTime(Instant time) {
        this.signingTime = time;
        return this;
    }

    /** The content inside the SignedData (encapsulated) instead of detached. */
    public CmsSignature attached() {
        this.attached = true;
        return this;
    }

    /** No certificate in the SignedData. */
    public CmsSignature withoutCertificate() {
        this.withCertificate = false;
        return this;
    }

    /** More certificates in the SignedData (an intermediate CA, say). */
    public CmsSignature withCertificates(X509Certificate... certificates) {
        extraCertificates.addAll(List.of(certificates));
        return this;
    }

    /** A second signer (with its certificate). */
    public CmsSignature alsoSignedBy(Credential other) {
        this.secondSigner = other;
        return this;
    }

    /** The DER encoding of the SignedData over {@code content}. */
    public byte[] sign(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo(signer, algorithm));
            List<X509Certificate> certificates = new ArrayList<>(extraCertificates);
            if (withCertificate) {
                certificates.add(0, signer.certificate());
            }
            if (secondSigner != null) {
                generator.addSignerInfoGenerator(signerInfo(secondSigner, secondSigner.signatureAlgorithm()));
                certificates.add(secondSigner.certificate());
            }
            if (!certificates.isEmpty()) {
                generator.addCertificates(new JcaCertStore(certificates));
            }
            return generator.generate(new CMSProcessableByteArray(content), attached).getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot sign with " + algorithm, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SignerInfoGenerator signerInfo(Credential credential, String signatureAlgorithm)
            throws OperatorCreationException, CertificateEncodingException {
        JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build());
        if (signingTime != null) {
            builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))))));
        } else {
            builder.setSignedAttributeGenerator(parameters -> new DefaultSignedAttributeTableGenerator()
                    .getAttributes(parameters).remove(CMSAttributes.signingTime));
        }
        return builder.build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(Bc.PROVIDER)
                .build(credential.privateKey()), credential.certificate());
    }
}
