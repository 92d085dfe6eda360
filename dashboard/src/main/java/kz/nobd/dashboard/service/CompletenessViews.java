package kz.nobd.dashboard.service;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import kz.nobd.dashboard.client.ReportApi;
import kz.nobd.dashboard.config.DashboardConfig;
import kz.nobd.dashboard.view.CompletenessView;
import kz.nobd.dashboard.view.Figure;
import kz.nobd.dashboard.view.Indicator;
import kz.nobd.dashboard.view.Level;
import kz.nobd.dashboard.view.Place;

/**
 * Completeness of a unit (GET /completeness of report-service, ministry and oblast users): of the current period
 * (the newest OPEN one, else the newest) when the ministry has opened one, else of equipment reports.
 */
@ApplicationScoped
public class CompletenessViews {
    /** returns not signed yet: the school has not reported */
    static final Set<String> NOT_REPORTED = Set.of("DRAFT", "RETURNED");

    @Inject
    @RestClient
    ReportApi report;

    @Inject
    DashboardConfig config;

    /** @param limit how many schools to name (the CSV: all) */
    public Uni<CompletenessView> of(String kato, Locale locale, int limit) {
        return report.periods().flatMap(periods -> {
            JsonNode current = current(periods.path("periods"));
            if (current == null) {
                return report.completeness(null, "equipment", kato).map(c -> submissions(c, locale, limit));
            }
            return report.completeness(current.path("id").asText(), null, kato)
                    .map(c -> period(current, c, locale, limit));
        });
    }

    public Uni<CompletenessView> of(String kato, Locale locale) {
        return of(kato, locale, config.completenessListed());
    }

    static JsonNode current(JsonNode periods) {
        for (JsonNode p : periods) {
            if ("OPEN".equals(p.path("status").asText())) {
                return p;
            }
        }
        return periods.size() > 0 ? periods.get(0) : null;
    }

    private static CompletenessView period(JsonNode period, JsonNode c, Locale locale, int limit) {
        List<CompletenessView.StatusCount> counts = new ArrayList<>();
        c.path("byStatus").fields().forEachRemaining(e -> counts.add(
                new CompletenessView.StatusCount(e.getKey(), count(e.getValue(), locale))));
        List<CompletenessView.Missing> missing = new ArrayList<>();
        for (JsonNode r : c.path("returns")) {
            if (NOT_REPORTED.contains(r.path("status").asText())) {
                missing.add(new CompletenessView.Missing(Place.of(Level.SCHOOL, r), r.path("status").asText()));
            }
        }
        int notReported = missing.size();
        List<CompletenessView.Missing> listed = byName(missing, locale, limit);
        return new CompletenessView(period.path("name").asText(), period.path("censusDate").asText(),
                count(c.path("expected"), locale), counts, count(IntNode.valueOf(notReported), locale), listed);
    }

    private static CompletenessView submissions(JsonNode c, Locale locale, int limit) {
        List<CompletenessView.Missing> missing = new ArrayList<>();
        for (JsonNode m : c.path("missing")) {
            missing.add(new CompletenessView.Missing(Place.of(Level.SCHOOL, m), null));
        }
        List<CompletenessView.Missing> listed = byName(missing, locale, limit);
        return new CompletenessView(null, null, count(c.path("expected"), locale), List.of(),
                count(c.path("notReported"), locale), listed);
    }

    /** the first {@code limit} schools by their name in the page's language */
    private static List<CompletenessView.Missing> byName(List<CompletenessView.Missing> missing, Locale locale,
            int limit) {
        Collator collator = Collator.getInstance(locale);
        return missing.stream().sorted(Comparator.comparing(m -> m.school().name(locale.getLanguage()), collator))
                .limit(limit).toList();
    }

    private static Figure count(JsonNode n, Locale locale) {
        return Figure.of(n, Indicator.Kind.COUNT, locale);
    }
}
