package kz.nobd.dashboard.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** registry-service, with the user's access token: a school's card (404 outside the caller's jurisdiction). */
@RegisterRestClient(configKey = "registry")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryApi {

    @GET
    @Path("/institutions/{bin}")
    Uni<JsonNode> institution(@PathParam("bin") String bin);
}
