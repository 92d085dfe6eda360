package kz.nobd.report.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.nobd.report.signoff.NewPeriod;
import kz.nobd.report.signoff.Period;
import kz.nobd.report.signoff.Periods;
import kz.nobd.report.signoff.ReturnRecords.Actor;
import kz.nobd.report.signoff.PeriodLocks;
import kz.nobd.support.Caller;

/** Reporting periods (docs/signoff.md): the ministry opens, locks and reopens them; everyone in the workflow lists them. */
@Path("/api/v1/periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sign-off", description = "Reporting periods, schools' signed returns, acceptance and the ministry's lock")
public class PeriodResource {
    @Inject
    Periods periods;
    @Inject
    PeriodLocks locks;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.MINISTRY)
    @Operation(operationId = "openPeriod", summary = "Open a reporting period",
            description = "A kind (ENROLMENT or EQUIPMENT), a name unique within the kind, the census date the figures"
                    + " are as of, the submission and the acceptance deadline (census <= submission <= acceptance).")
    @APIResponse(responseCode = "201", description = "The period, OPEN", headers = @Header(name = "Location",
            description = "/api/v1/periods/{id}", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Period.class)))
    @APIResponse(responseCode = "409", description = "PERIOD_EXISTS: a period of that kind and name exists")
    public Response open(NewPeriod body) {
        Period period = periods.open(body, caller.name());
        return Response.created(URI.create("/api/v1/periods/" + period.id())).entity(period).build();
    }

    @GET
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL})
    @Operation(operationId = "listPeriods", summary = "Every reporting period with its status, newest first")
    @APIResponse(responseCode = "200", description = "The periods", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PeriodList.class)))
    public PeriodList list() {
        return new PeriodList(periods.list());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL})
    @Operation(operationId = "getPeriod", summary = "A period with the history of its status")
    @APIResponse(responseCode = "200", description = "The period", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Period.class)))
    @APIResponse(responseCode = "404", description = "No such period")
    public Period get(@PathParam("id") String id) {
        return periods.get(id);
    }

    @POST
    @Path("/{id}/lock")
    @RolesAllowed(Caller.MINISTRY)
    @Operation(operationId = "lockPeriod", summary = "Lock a period after its acceptance deadline",
            description = "Its ACCEPTED returns become LOCKED: the official figures of the period. Nothing of the period"
                    + " changes until it is reopened.")
    @APIResponse(responseCode = "200", description = "The period, LOCKED", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Period.class)))
    @APIResponse(responseCode = "404", description = "No such period")
    @APIResponse(responseCode = "409", description = "PERIOD_LOCKED or ACCEPTANCE_DEADLINE_NOT_PASSED")
    public Period lock(@PathParam("id") String id) {
        return locks.lock(id, actor());
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.MINISTRY)
    @Operation(operationId = "reopenPeriod", summary = "Reopen a LOCKED period, with a reason",
            description = "Body {\"reason\": \"...\"}. Its LOCKED returns are ACCEPTED again.")
    @APIResponse(responseCode = "200", description = "The period, OPEN", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Period.class)))
    @APIResponse(responseCode = "404", description = "No such period")
    @APIResponse(responseCode = "409", description = "PERIOD_NOT_LOCKED")
    public Period reopen(@PathParam("id") String id, Reopen body) {
        return locks.reopen(id, body == null ? null : body.reason(), actor());
    }

    /** The body of a reopen. */
    public record Reopen(@Schema(required = true, maxLength = 2000) String reason) {
    }

    /** Every period. */
    public record PeriodList(List<Period> periods) {
    }

    private Actor actor() {
        return new Actor(caller.name(), caller.role());
    }

}
