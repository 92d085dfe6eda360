package kz.nobd.report.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import kz.nobd.report.service.AuditLog;
import kz.nobd.report.service.CsvTable;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.support.Caller;

/**
 * What every report endpoint does around its answer: the caller's jurisdiction, JSON or CSV by {@code Accept},
 * and the audit entry for school-level rows and for every export.
 */
@RequestScoped
public class ReportResponses {
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    public Jurisdiction jurisdiction() {
        return Jurisdiction.of(caller);
    }

    /** Whether the client asked for CSV (text/csv is its first choice). */
    public boolean csv() {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> t.getType().equals("text") && t.getSubtype().equals("csv")).orElse(false);
    }

    /** The answer as JSON or CSV; audited when {@code schoolLevel} or exported. */
    public Response answer(Jurisdiction j, CsvTable table, boolean schoolLevel, int rows) {
        boolean csv = csv();
        if (schoolLevel || csv) {
            audit.record(j, uri.getPath(), uri.getRequestUri().getRawQuery(), csv ? "csv" : "json", rows);
        }
        return Response.ok(table, csv ? CsvWriter.MEDIA_TYPE : MediaType.APPLICATION_JSON).build();
    }
}
