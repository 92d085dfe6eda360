package kz.nobd.report.api;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.report.service.AuditLog;
import kz.nobd.report.service.CsvTable;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.service.ResultCache;
import kz.nobd.support.Caller;
import kz.nobd.support.CsvFormat;
import kz.nobd.support.CsvRequest;

/**
 * What every report endpoint does around its answer: the caller's jurisdiction, JSON or CSV ({@code format},
 * {@code Accept}; the Excel profile with {@code format=excel}),
 * and the audit entry for school-level rows and for every export.
 */
@RequestScoped
public class ReportResponses {
    /** The Excel profile's header labels: csv-labels_kk/ru.properties. */
    static final String LABELS = "csv-labels";

    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    public Jurisdiction jurisdiction() {
        return Jurisdiction.of(caller);
    }

    /** The CSV the client asked for ({@code format}, {@code lang}, {@code Accept}), or empty for JSON. */
    public Optional<CsvRequest> csv() {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return CsvRequest.of(query.getFirst("format"), query.getFirst("lang"), headers);
    }

    /** The answer as JSON or CSV; audited when {@code schoolLevel} or exported. */
    public Response answer(Jurisdiction j, CsvTable table, boolean schoolLevel, int rows) {
        return answer(j, new ResultCache.Answer<>(table), schoolLevel, rows);
    }

    /** A cached answer: its JSON is written once per computation, not once per request. */
    public Response answer(Jurisdiction j, ResultCache.Answer<? extends CsvTable> answer, boolean schoolLevel,
            int rows) {
        Optional<CsvRequest> csv = csv();
        if (schoolLevel || csv.isPresent()) {
            audit.record(j, uri.getPath(), uri.getRequestUri().getRawQuery(), csv.isPresent() ? "csv" : "json", rows);
        }
        if (csv.isEmpty()) {
            return Response.ok(answer.json(mapper), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(csvBody(csv.get().format(LABELS), answer.value()), CsvFormat.MEDIA_TYPE)
                .header("Content-Disposition", CsvRequest.attachment(fileName())).build();
    }

    /** {@code table} written in {@code format} as the response body. */
    static StreamingOutput csvBody(CsvFormat format, CsvTable table) {
        List<String> columns = table.csvColumns();
        return out -> format.write(new OutputStreamWriter(out, StandardCharsets.UTF_8), columns,
                table.csvRows().stream().map(row -> columns.stream().map(row::get).toList()).toList());
    }

    /** {@code nobd-rollups-enrolment-OBLAST-2026-12-01}: the path after /api/v1, the level or kind, the date. */
    private String fileName() {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        StringBuilder name = new StringBuilder("nobd-")
                .append(uri.getPath().replaceFirst("^/api/v1/", "").replace('/', '-'));
        for (String part : List.of("level", "kind", "kato", "bin")) {
            String value = query.getFirst(part);
            if (value != null && !value.isBlank()) {
                name.append('-').append(value.strip());
            }
        }
        String asOf = query.getFirst("asOf");
        return name.append('-').append(asOf == null || asOf.isBlank() ? LocalDate.now(clock) : asOf.strip()).toString();
    }
}
