package kz.nobd.support;

import java.util.List;

public class PreconditionRequiredException extends ApiException {
    public PreconditionRequiredException(String detail) {
        super(428, "Precondition required", detail, List.of());
    }
}
