package kz.nobd.support;

import java.util.List;

public class ConflictException extends ApiException {
    public ConflictException(String detail) {
        super(409, "Conflict", detail, List.of());
    }
}
