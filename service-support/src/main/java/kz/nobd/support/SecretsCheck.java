package kz.nobd.support;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

/**
 * Makes Quarkus validate {@link Secrets} at start-up with the rest of the configuration: a mapping that is not
 * a Quarkus config root is registered only when something injects it.
 */
@Startup
@Singleton
public class SecretsCheck {
    @Inject
    Secrets secrets;
}
