package kz.nobd.support;

/** One thing wrong with an input: the field (JSON name or CSV column) and what is allowed. */
public record FieldError(String field, String message) {
}
