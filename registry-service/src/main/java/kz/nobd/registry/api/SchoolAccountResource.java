package kz.nobd.registry.api;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import kz.nobd.support.FieldError;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.InstitutionValidator;
import kz.nobd.support.Caller;
import kz.nobd.registry.service.SchoolAccountService;
import kz.nobd.support.ValidationException;
import kz.nobd.support.RequestBodies;
import kz.nobd.support.UsesDatabase;

/** Provisions a school's login: {@code {username, temporaryPassword}}, shown once. */
@UsesDatabase
@Path("/api/v1/institutions/{bin}/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "school accounts", description = "A school's login in Keycloak")
public class SchoolAccountResource {
    @Inject
    SchoolAccountService accounts;
    @Inject
    RequestBodies bodies;
    @Inject
    RegistryConfig config;

    /** Optional body: the e-mail for the account (default: the card's e-mail). */
    public record AccountRequest(String email) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = AccountRequest.class)))
    @Operation(operationId = "createSchoolAccount", summary = "Create the school's Keycloak user",
            description = "User `school-<BIN>` with role `school`; the temporary password is shown once.")
    @APIResponse(responseCode = "201", description = "The account, shown once",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "no-store", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SchoolAccountService.Account.class)))
    @APIResponse(responseCode = "409", description = "The account exists, or the institution is not OPEN.")
    @APIResponse(responseCode = "413", description = "The body is over 256 KiB.")
    @APIResponse(responseCode = "503", description = "Keycloak or the database is down: no account.")
    public Response create(@Parameter(description = ApiSchemas.BIN, schema = @Schema(type = SchemaType.STRING,
            pattern = ApiSchemas.BIN_PATTERN)) @PathParam("bin") String bin, InputStream stream) {
        AccountRequest body = bodies.json(stream, AccountRequest.class, config.limits().maxJsonBytes());
        String email = body == null ? null : body.email();
        if (email != null && !InstitutionValidator.isEmail(email)) {
            throw new ValidationException(List.of(new FieldError("email", "email must be an address like name@example.kz")));
        }
        SchoolAccountService.Account account = accounts.create(bin, email);
        return Response.created(URI.create("/api/v1/institutions/" + bin + "/accounts/" + account.username()))
                .entity(account).header("Cache-Control", "no-store").build();
    }
}
