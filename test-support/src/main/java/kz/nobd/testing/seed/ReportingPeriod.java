package kz.nobd.testing.seed;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo activity's reporting period in report-service (docs/signoff.md): an ENROLMENT period as of the latest
 * census, both deadlines after it (submission two weeks later, acceptance a month later), opened by the ministry,
 * or the period of that kind and name if it exists already (a rerun, or someone opened it by hand).
 *
 * @param created false when the period existed and is reused
 */
record ReportingPeriod(String id, String name, LocalDate censusDate, boolean created) {
    static final String KIND = "ENROLMENT";

    static String nameFor(LocalDate censusDate) {
        return "enrolment " + SchoolCalendar.schoolYearOf(censusDate) + " (demo activity)";
    }

    static ReportingPeriod openOrReuse(ApiClient api, String reportUrl, LocalDate censusDate) {
        String name = nameFor(censusDate);
        String periods = reportUrl + "/api/v1/periods";
        ReportingPeriod existing = find(api, periods, name);
        if (existing != null) {
            return existing;
        }
        ApiClient.Answer answer = api.post(periods, Map.of("kind", KIND, "name", name, "censusDate", censusDate,
                "submissionDeadline", censusDate.plusDays(14), "acceptanceDeadline", censusDate.plusMonths(1)));
        if (answer.is(409)) { // opened meanwhile (PERIOD_EXISTS)
            existing = find(api, periods, name);
            if (existing != null) {
                return existing;
            }
        }
        JsonNode period = answer.expect(201, "POST /periods " + name);
        return new ReportingPeriod(period.path("id").asText(), name, censusDate, true);
    }

    private static ReportingPeriod find(ApiClient api, String periods, String name) {
        for (JsonNode period : api.get(periods).expect(200, "GET /periods").path("periods")) {
            if (KIND.equals(period.path("kind").asText()) && name.equals(period.path("name").asText())) {
                return new ReportingPeriod(period.path("id").asText(), name,
                        LocalDate.parse(period.path("censusDate").asText()), false);
            }
        }
        return null;
    }
}
