package kz.nobd.registry.api;

import java.util.List;

import kz.nobd.support.FieldError;
import kz.nobd.support.ValidationException;

/** A card's ETag is its version: {@code "3"}. */
final class ETags {
    private ETags() {
    }

    /** The version an If-Match header names, or null when the header is absent. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new FieldError("If-Match",
                    "If-Match must be the card's ETag, e.g. \"3\", was '" + QueryParams.abbreviate(ifMatch) + "'")));
        }
    }
}
