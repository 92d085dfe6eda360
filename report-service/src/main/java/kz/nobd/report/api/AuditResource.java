package kz.nobd.report.api;

import java.time.LocalDate;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.nobd.report.service.AuditLog;
import kz.nobd.support.PageParams;
import kz.nobd.support.Caller;
import kz.nobd.support.Paging;
import kz.nobd.support.UsesDatabase;

/** The ministry reads the audit of school-level reads and exports, newest first. */
@UsesDatabase
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.MINISTRY)
@Tag(name = "audit", description = "The audit of school-level reads and exports")
public class AuditResource {
    @Inject
    ReportParams params;
    @Inject
    AuditLog audit;

    @GET
    @Operation(operationId = "listAudit", summary = "School-level reads and exports, newest first")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiSchemas.AuditPage.class)))
    public Map<String, Object> list(
            @Parameter(description = "Entries on or after this day (default: 30 days ago)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("since") String since,
            @Parameter(description = "Only this user name", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @QueryParam("user") String user,
            @BeanParam PageParams rows) {
        LocalDate from = params.date("since", since, params.today().minusDays(30));
        Paging paging = rows.paging(50);
        return audit.list(from.atStartOfDay(params.zone()).toInstant(), params.text("user", user, 255), paging);
    }
}
