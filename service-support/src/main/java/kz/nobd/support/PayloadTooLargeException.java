package kz.nobd.support;

import java.util.List;

public class PayloadTooLargeException extends ApiException {
    public PayloadTooLargeException(String detail) {
        super(413, "Payload too large", detail, List.of());
    }
}
