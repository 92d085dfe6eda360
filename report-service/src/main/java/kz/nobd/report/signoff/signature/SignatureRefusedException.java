package kz.nobd.report.signoff.signature;

import kz.nobd.support.RefusedException;

/**
 * A signature NOBD does not accept: 422 problem+json whose {@code reason} is the {@link SignatureRefusal}, for
 * machines, and whose detail is a sentence for the school clerk (what is wrong and what to do; no technical detail
 * beyond names of algorithms and dates).
 */
public class SignatureRefusedException extends RefusedException {
    private final SignatureRefusal refusal;

    public SignatureRefusedException(SignatureRefusal reason, String message) {
        super(422, "Signature refused", reason.name(), message);
        this.refusal = reason;
    }

    public SignatureRefusal refusal() {
        return refusal;
    }
}
