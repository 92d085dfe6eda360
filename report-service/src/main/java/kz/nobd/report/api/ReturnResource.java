package kz.nobd.report.api;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import kz.nobd.contracts.events.ReturnStatus;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.signoff.ReturnRecords;
import kz.nobd.report.signoff.ReturnRecords.Actor;
import kz.nobd.report.signoff.Returns;
import kz.nobd.support.Caller;
import kz.nobd.support.FieldError;
import kz.nobd.support.PageParams;
import kz.nobd.support.Paging;
import kz.nobd.support.ValidationException;

/**
 * Schools' returns of a period (docs/signoff.md): a school reads and signs its own; an oblast user reads, accepts
 * and returns those of its oblast; the ministry all. report-consumer takes no part in the workflow.
 */
@Path("/api/v1/periods/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sign-off")
public class ReturnResource {
    @Inject
    Returns returns;
    @Inject
    ReportParams params;
    @Inject
    Caller caller;

    @GET
    @Path("/returns")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL})
    @Operation(operationId = "listReturns", summary = "The returns of a period in the caller's jurisdiction",
            description = "Every general-education school OPEN on the census date owes one; a school without any change"
                    + " is DRAFT. By BIN, one page.")
    @APIResponse(responseCode = "200", description = "One page of returns", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnRecords.Page.class)))
    @APIResponse(responseCode = "404", description = "No such period, or a `kato` outside the caller's jurisdiction")
    public ReturnRecords.Page list(@PathParam("period") String period,
            @Parameter(description = ApiSchemas.KATO, schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.KATO_PATTERN)) @QueryParam("kato") String kato,
            @Parameter(description = "Only returns in this status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"DRAFT", "SIGNED", "ACCEPTED", "RETURNED", "LOCKED"})) @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return returns.list(period, jurisdiction(), params.kato(kato), status(status),
                Paging.of(page.page, page.size, Paging.MAX_SIZE));
    }

    @GET
    @Path("/returns/{bin}")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL})
    @Operation(operationId = "getReturn", summary = "A school's return",
            description = "Its status; today's figures as of the census date with their canonical `content` (the exact"
                    + " UTF-8 bytes a head signs) and `digest` (SHA-256, hex); the signature in force with the figures it"
                    + " signed; every signature; every change of status.")
    @APIResponse(responseCode = "200", description = "The return", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnRecords.View.class)))
    @APIResponse(responseCode = "404", description = "No such period, or no return of that school in the caller's jurisdiction")
    public ReturnRecords.View get(@PathParam("period") String period, @PathParam("bin") String bin) {
        return returns.view(period, bin, jurisdiction());
    }

    @POST
    @Path("/returns/{bin}/signature")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SCHOOL)
    @Operation(operationId = "signReturn", summary = "Sign the school's return",
            description = "Body {digest, signature}: the digest of the return's content as read, and a detached CMS"
                    + " (PKCS#7) signature of that content, DER in base64, by a certificate of the school's BIN (RSA or"
                    + " GOST R 34.10-2015) chaining to a trusted CA, valid now and not revoked. DRAFT or RETURNED ->"
                    + " SIGNED.")
    @APIResponse(responseCode = "200", description = "The return, SIGNED", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnRecords.View.class)))
    @APIResponse(responseCode = "404", description = "No such period, or not the caller's school")
    @APIResponse(responseCode = "409", description = "PERIOD_LOCKED, INVALID_TRANSITION, or CONTENT_CHANGED (the figures"
            + " changed since they were read: read the return again)")
    @APIResponse(responseCode = "422", description = "The signature was refused; `reason` says why (MALFORMED_SIGNATURE,"
            + " UNSUPPORTED_ALGORITHM, CONTENT_MISMATCH, CERTIFICATE_UNTRUSTED, CERTIFICATE_EXPIRED,"
            + " CERTIFICATE_NOT_YET_VALID, CERTIFICATE_REVOKED, CERTIFICATE_WITHOUT_BIN, CERTIFICATE_BIN_MISMATCH, ...)")
    public ReturnRecords.View sign(@PathParam("period") String period, @PathParam("bin") String bin,
            ReturnRecords.SignatureBody body) {
        return returns.sign(period, bin, body, jurisdiction(), actor());
    }

    @POST
    @Path("/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @Operation(operationId = "decideReturns", summary = "Accept or return signed returns, one or many",
            description = "Body {decision: ACCEPT|RETURN, comment, bins}: ACCEPT takes SIGNED returns to ACCEPTED;"
                    + " RETURN takes SIGNED or ACCEPTED ones to RETURNED and needs a comment saying what to fix. All or"
                    + " none: one return that cannot refuses the request and nothing changes.")
    @APIResponse(responseCode = "200", description = "The returns decided", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnRecords.Decided.class)))
    @APIResponse(responseCode = "404", description = "No such period, or a school outside the caller's jurisdiction")
    @APIResponse(responseCode = "409", description = "PERIOD_LOCKED or INVALID_TRANSITION (naming each return that cannot)")
    public ReturnRecords.Decided decide(@PathParam("period") String period, ReturnRecords.DecisionBody body) {
        return returns.decide(period, body, jurisdiction(), actor());
    }

    private Jurisdiction jurisdiction() {
        return Jurisdiction.of(caller);
    }

    private Actor actor() {
        return new Actor(caller.name(), caller.role());
    }

    private static ReturnStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ReturnStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(java.util.List.of(new FieldError("status",
                    "one of DRAFT, SIGNED, ACCEPTED, RETURNED, LOCKED")));
        }
    }
}
