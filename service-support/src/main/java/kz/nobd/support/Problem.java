package kz.nobd.support;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;


/**
 * RFC 9457 problem details, the body of every 4xx and 5xx; {@code reason} (an extension member) is a machine-readable
 * code where a client must tell refusals of one status apart (a signature refused because its certificate is
 * revoked, a return that is not in the state the action needs).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        String reason) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * A problem whose detail, instance and errors never repeat a 12-digit run ({@link IdentifierMask}): a client's
     * IIN typed in a path, a parameter or a body must not come back in the error.
     */
    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors) {
        return of(status, title, detail, instance, errors, null);
    }

    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors,
            String reason) {
        String type = "urn:nobd:problem:" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
        List<FieldError> masked = errors == null ? List.of() : errors.stream()
                .map(e -> new FieldError(IdentifierMask.mask(e.field()), IdentifierMask.mask(e.message()))).toList();
        return new Problem(type, title, status, IdentifierMask.mask(detail), IdentifierMask.mask(instance), masked,
                reason);
    }
}
