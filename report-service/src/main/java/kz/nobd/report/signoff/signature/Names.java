package kz.nobd.report.signoff.signature;

import java.util.ArrayList;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Attributes of certificate names: the common name for messages, the OU values where NCA writes the BIN. */
final class Names {
    private Names() {
    }

    static String commonName(X500Principal principal) {
        List<String> names = values(principal, BCStyle.CN);
        return names.isEmpty() ? principal.getName() : names.get(0);
    }

    /** Every value of attribute {@code type} in {@code principal}, in order. */
    static List<String> values(X500Principal principal, ASN1ObjectIdentifier type) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : X500Name.getInstance(principal.getEncoded()).getRDNs(type)) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (value.getType().equals(type)) {
                    values.add(value.getValue() instanceof ASN1String string ? string.getString()
                            : IETFUtils.valueToString(value.getValue()));
                }
            }
        }
        return values;
    }

    /** {@code principal} as RFC 4514 text with BouncyCastle's names of the attributes NCA uses (SURNAME, ...). */
    static String text(X500Principal principal) {
        return X500Name.getInstance(BCStyle.INSTANCE, principal.getEncoded()).toString();
    }
}
