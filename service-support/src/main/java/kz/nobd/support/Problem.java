package kz.nobd.support;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;


/** RFC 9457 problem details, the body of every 4xx and 5xx. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
