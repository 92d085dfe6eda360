package kz.nobd.report.api;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.nobd.report.service.Completeness;
import kz.nobd.report.service.CompletenessReport;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.support.Caller;

/**
 * Which OPEN schools were expected to report a kind since a date, how many did, which did not. {@code since}
 * defaults to the start of the current school year (1 September).
 */
@Path("/api/v1/completeness")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
public class CompletenessResource {
    @Inject
    ReportParams params;
    @Inject
    ReportResponses responses;
    @Inject
    Completeness completeness;

    @GET
    public Response completeness(@QueryParam("kind") String kind, @QueryParam("kato") String kato,
            @QueryParam("since") String since) {
        Jurisdiction j = responses.jurisdiction();
        LocalDate today = params.today();
        LocalDate yearStart = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
        CompletenessReport report = completeness.report(params.kind(kind), params.kato(kato),
                params.date("since", since, yearStart), j);
        // the list names schools: a school-level read
        return responses.answer(j, report, true, report.missing().size());
    }
}
