package kz.nobd.dashboard.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service, with the user's access token: a school's rejected submissions and conflicts (IIN masked). */
@RegisterRestClient(configKey = "ingest")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface IngestApi {

    @GET
    @Path("/rejections")
    Uni<JsonNode> rejections(@QueryParam("schoolBin") String schoolBin, @QueryParam("size") int size);

    @GET
    @Path("/conflicts")
    Uni<JsonNode> conflicts(@QueryParam("schoolBin") String schoolBin, @QueryParam("size") int size);
}
