package kz.nobd.registry.api;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.support.FieldError;
import kz.nobd.registry.domain.Institution;
import kz.nobd.support.Caller;
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(content = @Content(schema = @Schema(implementation = InstitutionRequest.class)))
    public Response create(InputStream body) {
        InstitutionCard card = institutions.create(required(bodies.json(body, InstitutionRequest.class, config.limits().maxJsonBytes())).toDraft());
        return withETag(Response.created(URI.create("/api/v1/institutions/" + card.bin())), card);
    }

    @GET
    @Path("{bin}")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    public Response get(@PathParam("bin") String bin) {
        return withETag(Response.ok(), institutions.get(bin));
    }

    @GET
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    public Page<InstitutionCard> list(@QueryParam("kato") String kato, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("locality") String locality, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        InstitutionSearch.Filter filter = new InstitutionSearch.Filter(QueryParams.kato("kato", kato),
                QueryParams.enumValue("type", type, InstitutionType.class),
                QueryParams.enumValue("status", status, InstitutionStatus.class),
                QueryParams.enumValue("locality", locality, Locality.class), QueryParams.search(q));
        Paging paging = QueryParams.paging(page, size);
        return search.search(filter, paging.page(), paging.size()).map(Institution::toCard);
    }

    @GET
    @Produces("text/csv")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    public Response listCsv(@QueryParam("kato") String kato, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("locality") String locality, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page<InstitutionCard> cards = list(kato, type, status, locality, q, page, size);
        return Response.ok(InstitutionCsvWriter.write(cards.items()), "text/csv; charset=UTF-8")
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
    public ChangeFeed changes(@QueryParam("since") String since, @QueryParam("size") String size) {
        QueryParams.ChangeWindow window = QueryParams.changeWindow(since, size);
        return ChangeFeed.of(changes.after(window.since(), window.size()));
    }

    @PUT
    @Path("{bin}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(content = @Content(schema = @Schema(implementation = InstitutionRequest.class)))
    public Response replace(@PathParam("bin") String bin, @HeaderParam("If-Match") String ifMatch, InputStream body) {
        InstitutionRequest request = required(bodies.json(body, InstitutionRequest.class, config.limits().maxJsonBytes()));
        InstitutionCard card = institutions.replace(bin, ETags.version(ifMatch), request.toDraft(),
                request.effectiveFrom());
        return withETag(Response.ok(), card);
    }

    @POST
    @Path("{bin}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(content = @Content(schema = @Schema(implementation = ClosureRequest.class)))
    public Response close(@PathParam("bin") String bin, @HeaderParam("If-Match") String ifMatch, InputStream stream) {
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
    public Page<HistoryEntry> history(@PathParam("bin") String bin, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = QueryParams.paging(page, size);
        return search.history(bin, paging.page(), paging.size()).map(HistoryEntry::of);
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response importCsv(@QueryParam("dryRun") String dryRun, InputStream body) {
        boolean dry = QueryParams.flag("dryRun", dryRun);
        ImportJob job = importJobs.submit(() -> InstitutionCsvReader.read(bodies.csv(body,
                config.limits().maxCsvBytes()), config.csvImport().maxRows()), dry);
        return Response.accepted(ImportJobView.of(job)).location(URI.create(IMPORT_JOBS + job.id)).build();
    }

    /** A CSV import job of the caller (the ministry sees every job): its state, progress and, once done, report. */
    @GET
    @Path("import-jobs/{id}")
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
    public ImportJobView importJob(@PathParam("id") String id) {
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
