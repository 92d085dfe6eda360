package kz.nobd.report.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.report.service.AuditLog;
import kz.nobd.report.service.CsvTable;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.service.ResultCache;
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
    @Inject
    ObjectMapper mapper;
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
        return answer(j, new ResultCache.Answer<>(table), schoolLevel, rows);
    }

    /** A cached answer: its JSON is written once per computation, not once per request. */
    public Response answer(Jurisdiction j, ResultCache.Answer<? extends CsvTable> answer, boolean schoolLevel,
            int rows) {
        boolean csv = csv();
        if (schoolLevel || csv) {
            audit.record(j, uri.getPath(), uri.getRequestUri().getRawQuery(), csv ? "csv" : "json", rows);
        }
        if (csv) {
            return Response.ok(answer.value(), CsvWriter.MEDIA_TYPE).build();
        }
        return Response.ok(answer.json(mapper), MediaType.APPLICATION_JSON).build();
    }
}
