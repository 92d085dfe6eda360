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

/**
 * report-service, called with the signed-in user's access token: the service decides what the user may see
 * (docs/report.md, Jurisdiction). Answers are kept as JSON trees so that every number reaches the page as the API
 * wrote it.
 */
@RegisterRestClient(configKey = "report")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ReportApi {

    @GET
    @Path("/indicators")
    Uni<JsonNode> indicators(@QueryParam("level") String level, @QueryParam("kato") String kato,
            @QueryParam("bin") String bin, @QueryParam("asOf") String asOf);

    @GET
    @Path("/rollups/equipment")
    Uni<JsonNode> equipment(@QueryParam("level") String level, @QueryParam("kato") String kato,
            @QueryParam("bin") String bin, @QueryParam("size") int size);

    @GET
    @Path("/rollups/enrolment")
    Uni<JsonNode> enrolment(@QueryParam("level") String level, @QueryParam("bin") String bin,
            @QueryParam("by") String by, @QueryParam("size") int size);

    @GET
    @Path("/periods")
    Uni<JsonNode> periods();

    @GET
    @Path("/completeness")
    Uni<JsonNode> completeness(@QueryParam("period") String period, @QueryParam("kind") String kind,
            @QueryParam("kato") String kato);
}
