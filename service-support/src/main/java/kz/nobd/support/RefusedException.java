package kz.nobd.support;

import java.util.List;

/**
 * A refusal a client must be able to tell apart from others of its status: the problem carries {@code reason}, a
 * machine-readable code (e.g. 409 {@code PERIOD_LOCKED}, 422 {@code CERTIFICATE_REVOKED}).
 */
public class RefusedException extends ApiException {
    private final String reason;

    public RefusedException(int status, String title, String reason, String detail) {
        this(status, title, reason, detail, List.of());
    }

    /** With {@code errors} naming each item refused (e.g. {@code bins[3]} of a bulk request). */
    public RefusedException(int status, String title, String reason, String detail, List<FieldError> errors) {
        super(status, title, detail, errors);
        this.reason = reason;
    }

    @Override
    public String reason() {
        return reason;
    }
}
