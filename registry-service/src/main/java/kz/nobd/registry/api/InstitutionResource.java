package kz.nobd.registry.api;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.support.PageParams;
import kz.nobd.support.FieldError;
import kz.nobd.registry.domain.Institution;
import kz.nobd.support.Caller;
import kz.nobd.support.CsvFormat;
import kz.nobd.support.CsvRequest;
import kz.nobd.support.Paging;
import kz.nobd.registry.domain.ImportJob;
import kz.nobd.registry.service.ImportJobs;
import kz.nobd.registry.service.InstitutionChanges;
import kz.nobd.registry.service.InstitutionSearch;
import kz.nobd.registry.service.InstitutionService;
import kz.nobd.registry.service.Page;
import kz.nobd.support.ValidationException;
import kz.nobd.support.RequestBodies;
import kz.nobd.support.UsesDatabase;

/** Institution cards: register, read, search, replace (If-Match), close or merge, history. */
@UsesDatabase
@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions", description = "Institution cards: register, read, search, replace, close, history, import")
public class InstitutionResource {
    @Inject
    InstitutionService institutions;
    @Inject
    InstitutionSearch search;
    private static final String IMPORT_JOBS = "/api/v1/institutions/import-jobs/";

    @Inject
    ImportJobs importJobs;
    @Inject
    InstitutionChanges changes;
    @Inject
    RegistryConfig config;
    @Inject
    RequestBodies bodies;
    @Inject
    Clock clock;
    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InstitutionRequest.class)))
    @Operation(operationId = "createInstitution", summary = "Register an institution",
            description = "The ministry anywhere, an oblast user within its oblast (another oblast's KATO is 403).")
    @APIResponse(responseCode = "201", description = "Registered: the card, its address and version",
            headers = {@Header(name = "Location", description = "/api/v1/institutions/{bin}",
                    schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", description = "The card's version",
                    schema = @Schema(type = SchemaType.STRING))}, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionCard.class)))
    @APIResponse(responseCode = "403", description = "A role that may not register, or an oblast user registering"
            + " in another oblast.")
    @APIResponse(responseCode = "409", description = "The BIN is already registered.")
    @APIResponse(responseCode = "413", description = "The body is over 256 KiB.")
    public Response create(InputStream body) {
        InstitutionCard card = institutions.create(required(bodies.json(body, InstitutionRequest.class, config.limits().maxJsonBytes())).toDraft());
        return withETag(Response.created(URI.create("/api/v1/institutions/" + card.bin())), card);
    }

    @GET
    @Path("{bin}")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    @Operation(operationId = "getInstitution", summary = "One institution card",
            description = "Within the caller's jurisdiction; a BIN outside it is 404 like one that does not exist.")
    @APIResponse(responseCode = "200", description = "The card", headers = @Header(name = "ETag", description = "The card's version", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionCard.class)))
    @APIResponse(responseCode = "400", description = "Not a valid BIN.")
    public Uni<Response> get(@Parameter(description = ApiSchemas.BIN, schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.BIN_PATTERN)) @PathParam("bin") String bin) {
        // a card kept in memory is answered here, on the event loop, without a hop to a worker thread; one that is
        // not is read from the database on a worker thread
        InstitutionCard kept = institutions.kept(bin);
        if (kept != null) {
            return Uni.createFrom().item(withETag(Response.ok(), kept));
        }
        return Uni.createFrom().item(() -> withETag(Response.ok(), institutions.get(bin)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The cards the caller may see, filtered, one page: JSON, or CSV when {@code Accept: text/csv} or
     * {@code format=csv|excel} ({@code lang=kk|ru} for the Excel profile's header).
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    @Operation(operationId = "listInstitutions", summary = "Search institution cards",
            description = "Filtered and paged, narrowed to the caller's jurisdiction (a filter outside it gives an"
                    + " empty page); JSON, or CSV with `Accept: text/csv` or `format=csv|excel` (the totals in"
                    + " X-Total-Count, X-Page, X-Size).")
    @APIResponse(responseCode = "200", description = "One page", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.InstitutionPage.class)),
            @Content(mediaType = ApiSchemas.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(
            @Parameter(description = "Under this KATO code (9 digits)", schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.KATO_PATTERN)) @QueryParam("kato") String kato,
            @Parameter(schema = @Schema(implementation = InstitutionType.class)) @QueryParam("type") String type,
            @Parameter(schema = @Schema(implementation = InstitutionStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = Locality.class)) @QueryParam("locality") String locality,
            @Parameter(description = "Searches both names, or a BIN prefix when digits",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("q") String q,
            @BeanParam PageParams rows,
            @Parameter(description = ApiSchemas.FORMAT, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"json", "csv", "excel"})) @QueryParam("format") String format,
            @Parameter(description = ApiSchemas.LANG, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"kk", "ru"})) @QueryParam("lang") String lang) {
        Optional<CsvRequest> csv = CsvRequest.of(format, lang, headers);
        InstitutionSearch.Filter filter = new InstitutionSearch.Filter(QueryParams.kato("kato", kato),
                QueryParams.enumValue("type", type, InstitutionType.class),
                QueryParams.enumValue("status", status, InstitutionStatus.class),
                QueryParams.enumValue("locality", locality, Locality.class), QueryParams.search(q));
        Paging paging = rows.paging(QueryParams.DEFAULT_SIZE);
        Page<InstitutionCard> cards = search.search(filter, paging.page(), paging.size()).map(Institution::toCard);
        if (csv.isEmpty()) {
            return Response.ok(cards, MediaType.APPLICATION_JSON).build();
        }
        String name = "nobd-institutions-" + (filter.kato() == null ? "all" : filter.kato()) + "-"
                + LocalDate.now(clock) + (cards.page() > 0 ? "-page" + cards.page() : "");
        return Response.ok(InstitutionCsvWriter.write(csv.get().format(InstitutionCsvWriter.LABELS), cards.items()),
                CsvFormat.MEDIA_TYPE).header("Content-Disposition", CsvRequest.attachment(name))
                .header("X-Total-Count", cards.total()).header("X-Page", cards.page()).header("X-Size", cards.size())
                .build();
    }

    /**
     * The versions of every card the caller may see, in commit order, after {@code since} (the {@code nextSince} of
     * the previous call; 0 or absent: from the first change).
     */
    @GET
    @Path("changes")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    @Operation(operationId = "listInstitutionChanges", summary = "Card versions in commit order after a cursor",
            description = "The versions of every card the caller may see after `since` (the `nextSince` of the"
                    + " previous answer; 0 or absent: from the first); an oblast also sees the version that moved a"
                    + " card out of it.")
    @APIResponse(responseCode = "200", description = "The next versions and the cursor", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeFeed.class)))
    public ChangeFeed changes(
            @Parameter(description = "The cursor: the `nextSince` of the previous answer", schema = @Schema(
                    type = SchemaType.INTEGER, format = "int64", minimum = "0", defaultValue = "0")) @QueryParam("since") String since,
            @Parameter(description = "Versions at most", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "1000", defaultValue = "100")) @QueryParam("size") String size) {
        QueryParams.ChangeWindow window = QueryParams.changeWindow(since, size);
        return ChangeFeed.of(changes.after(window.since(), window.size()));
    }

    @PUT
    @Path("{bin}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InstitutionRequest.class)))
    @Operation(operationId = "replaceInstitution", summary = "Replace a card's editable fields",
            description = "`effectiveFrom` optional (default today). Only the ministry moves a card to another oblast.")
    @APIResponse(responseCode = "200", description = "The new version", headers = @Header(name = "ETag", description = "The card's version", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionCard.class)))
    @APIResponse(responseCode = "403", description = "A role that may not write, or an oblast user moving the card"
            + " to another oblast.")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: read the card again.")
    @APIResponse(responseCode = "413", description = "The body is over 256 KiB.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Response replace(@Parameter(description = ApiSchemas.BIN, schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.BIN_PATTERN)) @PathParam("bin") String bin,
            @Parameter(in = ParameterIn.HEADER, required = true, description = ApiSchemas.IF_MATCH,
                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
            InputStream body) {
        InstitutionRequest request = required(bodies.json(body, InstitutionRequest.class, config.limits().maxJsonBytes()));
        InstitutionCard card = institutions.replace(bin, ETags.version(ifMatch), request.toDraft(),
                request.effectiveFrom());
        return withETag(Response.ok(), card);
    }

    @POST
    @Path("{bin}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ClosureRequest.class)))
    @Operation(operationId = "closeInstitution", summary = "Close an institution, or merge it into a successor",
            description = "`{closedOn, reason, successorBin?}`: status CLOSED, or MERGED with a successor.")
    @APIResponse(responseCode = "200", description = "The closed card", headers = @Header(name = "ETag", description = "The card's version", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionCard.class)))
    @APIResponse(responseCode = "409", description = "The institution is already closed.")
    @APIResponse(responseCode = "412", description = "If-Match names an older version.")
    @APIResponse(responseCode = "413", description = "The body is over 256 KiB.")
    public Response close(@Parameter(description = ApiSchemas.BIN, schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.BIN_PATTERN)) @PathParam("bin") String bin,
            @Parameter(in = ParameterIn.HEADER, description = ApiSchemas.IF_MATCH + "; optional",
                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
            InputStream stream) {
        ClosureRequest body = bodies.json(stream, ClosureRequest.class, config.limits().maxJsonBytes());
        if (body == null) {
            throw new ValidationException(List.of(new FieldError("body",
                    "a JSON body {closedOn, reason, successorBin?} is required")));
        }
        InstitutionCard card = institutions.close(bin, ETags.version(ifMatch), body.closedOn(), body.reason(),
                body.successorBin());
        return withETag(Response.ok(), card);
    }

    @GET
    @Path("{bin}/history")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    @Operation(operationId = "getInstitutionHistory", summary = "Every version of a card, newest first")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiSchemas.HistoryPage.class)))
    public Page<HistoryEntry> history(@Parameter(description = ApiSchemas.BIN, schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.BIN_PATTERN)) @PathParam("bin") String bin,
            @BeanParam PageParams rows) {
        Paging paging = rows.paging(QueryParams.DEFAULT_SIZE);
        return search.history(bin, paging.page(), paging.size()).map(HistoryEntry::of);
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "importInstitutions", summary = "Import institution cards from CSV (a job)",
            description = "A header row of card field names (`languages` separated by `;`), at most 10 MiB; an oblast"
                    + " user's rows of other oblasts are rejected one by one. 202 with the job; follow `Location`.")
    @APIResponse(responseCode = "202", description = "The job is queued",
            headers = @Header(name = "Location", description = "/api/v1/institutions/import-jobs/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "413", description = "The file is over 10 MiB.")
    @APIResponse(responseCode = "503", description = "As many imports as allowed are running or queued (nothing"
            + " stored), or the database is down.")
    public Response importCsv(
            @Parameter(description = "true: check and count every row, store nothing", schema = @Schema(
                    type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("dryRun") String dryRun,
            InputStream body) {
        boolean dry = QueryParams.flag("dryRun", dryRun);
        ImportJob job = importJobs.submit(() -> InstitutionCsvReader.read(bodies.csv(body,
                config.limits().maxCsvBytes()), config.csvImport().maxRows()), dry);
        return Response.accepted(ImportJobView.of(job)).location(URI.create(IMPORT_JOBS + job.id)).build();
    }

    /** A CSV import job of the caller (the ministry sees every job): its state, progress and, once done, report. */
    @GET
    @Path("import-jobs/{id}")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @Operation(operationId = "getImportJob", summary = "A CSV import job: state, progress and report",
            description = "The caller's own jobs (the ministry sees every job).")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "404", description = "No such job of the caller.")
    public ImportJobView importJob(@Parameter(description = "The job's id", schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @PathParam("id") String id) {
        return ImportJobView.of(importJobs.find(QueryParams.jobId(id)));
    }

    private static InstitutionRequest required(InstitutionRequest body) {
        if (body == null) {
            throw new ValidationException(List.of(new FieldError("body", "a JSON institution card is required")));
        }
        return body;
    }

    private static Response withETag(Response.ResponseBuilder builder, InstitutionCard card) {
        return builder.entity(card).tag(new EntityTag(Long.toString(card.version()))).build();
    }
}
