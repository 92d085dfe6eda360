package kz.nobd.support;

import java.util.List;

public class NotFoundException extends ApiException {
    public NotFoundException(String detail) {
        super(404, "Not found", detail, List.of());
    }
}
