package kz.nobd.support;

import java.util.List;

public class ForbiddenException extends ApiException {
    public ForbiddenException(String detail) {
        super(403, "Forbidden", detail, List.of());
    }
}
