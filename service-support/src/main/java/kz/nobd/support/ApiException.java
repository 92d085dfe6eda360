package kz.nobd.support;

import java.util.List;


/** A failure the client must see as problem+json with this status; subclasses name the common cases. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A machine-readable code of the refusal, or null ({@link RefusedException}). */
    public String reason() {
        return null;
    }
}
