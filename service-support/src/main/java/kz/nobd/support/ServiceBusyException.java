package kz.nobd.support;

import java.util.List;

/**
 * 503 with Retry-After: the service is doing as much of this kind of work as it is allowed to at once (a bound that
 * keeps it answering everything else); nothing was done, the same request may be sent again later.
 */
public class ServiceBusyException extends ApiException {
    public ServiceBusyException(String detail) {
        super(503, "Service unavailable", detail, List.of());
    }
}
