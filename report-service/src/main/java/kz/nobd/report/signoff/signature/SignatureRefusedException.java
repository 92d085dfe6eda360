package kz.nobd.report.signoff.signature;

/**
 * A signature NOBD does not accept: the {@link SignatureRefusal reason} for machines, and a sentence for the school
 * clerk (what is wrong and what to do; no technical detail beyond names of algorithms and dates).
 */
public class SignatureRefusedException extends RuntimeException {
    private final SignatureRefusal reason;

    public SignatureRefusedException(SignatureRefusal reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public SignatureRefusal reason() {
        return reason;
    }
}
