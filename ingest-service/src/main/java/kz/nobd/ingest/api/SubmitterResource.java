package kz.nobd.ingest.api;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import kz.nobd.contracts.Bin;
import kz.nobd.ingest.intake.IngestQueries;
import kz.nobd.support.PageParams;
import kz.nobd.support.Paging;
import kz.nobd.support.Caller;
import kz.nobd.support.FieldError;
import kz.nobd.support.NotFoundException;
import kz.nobd.support.Params;
import kz.nobd.support.ValidationException;
import kz.nobd.support.UsesDatabase;

/** What became of a submission: a batch's outcome, rejected items to fix, students claimed by two schools. */
@UsesDatabase
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outcomes", description = "What became of submissions: batches, rejected items, conflicts")
public class SubmitterResource {
    private static final int DEFAULT_SIZE = 50;

    @Inject
    IngestQueries queries;

    @GET
    @Path("batches/{batchId}")
    @RolesAllowed({Caller.SCHOOL, Caller.MINISTRY})
    @Operation(operationId = "getBatch", summary = "A batch's outcome",
            description = "Counts of accepted, rejected and pending items and every rejection. The submitting"
                    + " school or the ministry; another school's batch is 404.")
    @APIResponse(responseCode = "200", description = "The batch", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IngestQueries.BatchStatus.class)))
    @APIResponse(responseCode = "404", description = "No such batch submitted by the caller (or not a UUID).")
    public IngestQueries.BatchStatus batch(@Parameter(description = "The `batchId` of the 202",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("batchId") String batchId) throws SQLException {
        try {
            return queries.batch(UUID.fromString(batchId));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no batch " + Params.shown(batchId) + " submitted by you (a batch id is a UUID)");
        }
    }

    @GET
    @Path("rejections")
    @RolesAllowed({Caller.SCHOOL, Caller.OBLAST, Caller.MINISTRY})
    @Operation(operationId = "listRejections", summary = "Rejected items to fix",
            description = "Newest first, narrowed to the caller's jurisdiction; the event with any IIN masked.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiSchemas.RejectionPage.class)))
    public Map<String, Object> rejections(
            @Parameter(description = "Only this school (12-digit BIN); outside the jurisdiction an empty page",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{12}$")) @QueryParam("schoolBin") String schoolBin,
            @Parameter(description = "Rejected on or after this day (Asia/Almaty)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("since") String since,
            @BeanParam PageParams rows) throws SQLException {
        Paging paging = rows.paging(DEFAULT_SIZE);
        return list(queries.rejections(bin(schoolBin), instant(since), paging.page(), paging.size()), paging);
    }

    @GET
    @Path("conflicts")
    @RolesAllowed({Caller.SCHOOL, Caller.OBLAST, Caller.MINISTRY})
    @Operation(operationId = "listConflicts", summary = "Students claimed by two schools",
            description = "By date, narrowed to the caller's jurisdiction; the IIN masked (`********1234`).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiSchemas.ConflictPage.class)))
    public Map<String, Object> conflicts(
            @Parameter(description = "Only this school (12-digit BIN); outside the jurisdiction an empty page",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{12}$")) @QueryParam("schoolBin") String schoolBin,
            @BeanParam PageParams rows) throws SQLException {
        Paging paging = rows.paging(DEFAULT_SIZE);
        return list(queries.conflicts(bin(schoolBin), paging.page(), paging.size()), paging);
    }

    /** A list as every list of the REST contract answers (docs/api.md, "Lists"): {@code {items, page, size, total}}. */
    private static Map<String, Object> list(IngestQueries.Page<?> page, Paging paging) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("items", page.items());
        list.put("page", paging.page());
        list.put("size", paging.size());
        list.put("total", page.total());
        return list;
    }

    private static String bin(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = Bin.problemWith(value.strip());
        if (problem != null) {
            throw new ValidationException(List.of(new FieldError("schoolBin", problem)));
        }
        return value.strip();
    }

    /** {@code since} as the start of that day in Asia/Almaty; a date in 1900-01-01..9999-12-31. */
    private static Instant instant(String value) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = Params.date("since", value, null, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return date == null ? null : date.atStartOfDay(ZoneId.of("Asia/Almaty")).toInstant();
    }
}
