package kz.nobd.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource (class or method) whose every request needs the database: while the database is known to be
 * unreachable, {@link DatabaseGate} answers such requests 503 at once instead of letting each wait for the pool's
 * connection attempts.
 */
@NameBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface UsesDatabase {
}
