package kz.nobd.support;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * The secrets of a service (passwords, client secrets, keys): {@code nobd.secret.<name>} properties that each name
 * an environment variable with no default in the prod profile; the settings that need a secret refer to it
 * ({@code quarkus.datasource.password=${nobd.secret.db-password}}). Quarkus validates this mapping with the rest of
 * the configuration at start-up, so a server where a variable is not set stops before it does anything, and the
 * message names every variable that is missing. (The settings themselves would not: an optional setting such as
 * the datasource password quietly stays empty when its variable is not set.)
 */
@ConfigMapping(prefix = "nobd.secret")
public interface Secrets {
    @WithParentName
    Map<String, String> values();
}
