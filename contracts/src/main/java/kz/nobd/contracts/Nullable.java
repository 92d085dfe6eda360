package kz.nobd.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a component of a topic record: the value may be null, and a reader takes an absent field as null. A component
 * without it always has a value on the wire. The generated JSON Schemas (docs/schemas) follow it: a nullable field
 * is optional and typed {@code [T, "null"]}, every other field is required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {
}
