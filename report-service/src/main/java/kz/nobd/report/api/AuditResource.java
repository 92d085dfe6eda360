package kz.nobd.report.api;

import java.time.LocalDate;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.nobd.report.service.AuditLog;
import kz.nobd.support.Caller;
import kz.nobd.support.Paging;
import kz.nobd.support.UsesDatabase;

/** The ministry reads the audit of school-level reads and exports, newest first. */
@UsesDatabase
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.MINISTRY)
public class AuditResource {
    @Inject
    ReportParams params;
    @Inject
    AuditLog audit;

    @GET
    public Map<String, Object> list(@QueryParam("since") String since, @QueryParam("user") String user,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        LocalDate from = params.date("since", since, params.today().minusDays(30));
        Paging paging = Paging.of(page, size, 50);
        return audit.list(from.atStartOfDay(params.zone()).toInstant(), params.text("user", user, 255), paging);
    }
}
