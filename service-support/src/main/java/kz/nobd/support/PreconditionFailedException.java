package kz.nobd.support;

import java.util.List;

public class PreconditionFailedException extends ApiException {
    public PreconditionFailedException(String detail) {
        super(412, "Precondition failed", detail, List.of());
    }
}
