package kz.nobd.support;

import java.util.List;


/** 400 with every problem listed. */
public class ValidationException extends ApiException {
    public ValidationException(String detail, List<FieldError> errors) {
        super(400, "Invalid input", detail, errors);
    }

    public ValidationException(List<FieldError> errors) {
        this(errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }
}
