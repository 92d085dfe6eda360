package kz.nobd.registry.api;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.support.PayloadTooLargeException;

/** Refuses bodies above the configured size with a 413 problem before they are read. */
public class BodySizeFilter {
    /** A provider: filters are built at static init, before config mappings exist. */
    @Inject
    Provider<RegistryConfig> config;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !length.matches("\\d{1,18}")) {
            return;
        }
        boolean csv = request.getMediaType() != null && "csv".equals(request.getMediaType().getSubtype());
        long limit = csv ? config.get().limits().maxCsvBytes() : config.get().limits().maxJsonBytes();
        if (Long.parseLong(length) > limit) {
            throw new PayloadTooLargeException("the body has " + length + " bytes; at most " + limit + " are accepted"
                    + (csv ? " for a CSV import (split the file)" : " for a JSON request"));
        }
    }
}
