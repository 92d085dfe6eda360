package kz.nobd.ingest.api;

import java.io.InputStream;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.ingest.domain.EnrolmentEventInput;
import kz.nobd.ingest.domain.EquipmentReportInput;
import kz.nobd.ingest.domain.Redaction;
import kz.nobd.ingest.intake.SubmissionService;
import kz.nobd.support.Caller;
import kz.nobd.support.FieldError;
import kz.nobd.support.RequestBodies;
import kz.nobd.support.ValidationException;
import kz.nobd.support.UsesDatabase;

/** Schools (for their own BIN) and the ministry submit enrolment events and equipment reports. */
@UsesDatabase
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "submissions", description = "Enrolment events and equipment reports, checked and published on Kafka")
public class SubmissionResource {
    /** 5,000 events of about 400 bytes, with room to spare. */
    static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;
    static final long MAX_REPORT_BYTES = 256L * 1024;

    @Inject
    SubmissionService submissions;
    @Inject
    RequestBodies bodies;
    @Inject
    ObjectMapper mapper;
    @Inject
    SubmissionTurns turns;

    @POST
    @Path("enrolment-events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.SCHOOL, Caller.MINISTRY})
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EnrolmentEventInput[].class,
            minItems = 1, maxItems = 5000)))
    @Operation(operationId = "submitEnrolmentEvents", summary = "Submit a batch of enrolment events",
            description = "A JSON array of 1..5,000 events (at most 4 MiB), checked as a whole: 400 with per-item"
                    + " errors and nothing published, or 202 once the batch is committed on Kafka in one transaction."
                    + " Events name the student by `studentIin`. A school submits for its own BIN only.")
    @APIResponse(responseCode = "202", description = "The batch is on Kafka; follow it at /batches/{batchId}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiSchemas.Accepted.class)))
    @APIResponse(responseCode = "403", description = "A role that may not submit, or a school naming another"
            + " school's BIN (the whole batch is refused, nothing published).")
    @APIResponse(responseCode = "413", description = "The body is over 4 MiB.")
    @APIResponse(responseCode = "503", description = "Kafka or the database is down, or no submission turn came"
            + " within 2 s: nothing was published; send the same batch again (event ids make it safe).")
    public Response enrolment(InputStream body) {
        return turns.inTurn(() -> {
            EnrolmentBatchBody batch = EnrolmentBatchBody.read(json(body, JsonNode.class, MAX_BATCH_BYTES),
                    mapper);
            SubmissionService.Accepted accepted = submissions.submitEnrolment(batch.inputs(), batch.shapeErrors());
            return Response.accepted(Map.of("batchId", accepted.batchId(), "received", accepted.received())).build();
        });
    }

    @POST
    @Path("equipment-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.SCHOOL, Caller.MINISTRY})
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EquipmentReportInput.class)))
    @Operation(operationId = "submitEquipmentReport", summary = "Submit one equipment report",
            description = "One school's devices and internet connection (at most 256 KiB); 202 once it is on Kafka."
                    + " A school submits for its own BIN only.")
    @APIResponse(responseCode = "202", description = "The report is on Kafka (`received` is 1)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiSchemas.Accepted.class)))
    @APIResponse(responseCode = "403", description = "A role that may not submit, or a school naming another"
            + " school's BIN.")
    @APIResponse(responseCode = "413", description = "The body is over 256 KiB.")
    @APIResponse(responseCode = "503", description = "Kafka or the database is down, or no submission turn came"
            + " within 2 s: nothing was published; send the report again.")
    public Response equipment(InputStream body) {
        return turns.inTurn(() -> {
            SubmissionService.Accepted accepted = submissions.submitEquipment(
                    json(body, EquipmentReportInput.class, MAX_REPORT_BYTES));
            return Response.accepted(Map.of("batchId", accepted.batchId(), "received", accepted.received())).build();
        });
    }

    /** The body as {@code type}; null when empty. */
    private <T> T json(InputStream body, Class<T> type, long maxBytes) {
        try {
            return bodies.json(body, type, maxBytes);
        } catch (ValidationException e) {
            throw masked(e);
        }
    }

    /** The JSON parser quotes the token it choked on: an IIN typed without quotes must not come back in the 400. */
    private static ValidationException masked(ValidationException e) {
        return new ValidationException(Redaction.maskIinLike(e.getMessage()), e.errors().stream()
                .map(f -> new FieldError(f.field(), Redaction.maskIinLike(f.message()))).toList());
    }
}
