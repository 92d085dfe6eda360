package kz.nobd.dashboard.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import kz.nobd.dashboard.client.IngestApi;
import kz.nobd.dashboard.client.ReportApi;
import kz.nobd.dashboard.view.Figure;
import kz.nobd.dashboard.view.Indicator;
import kz.nobd.dashboard.view.IndicatorCardView;
import kz.nobd.dashboard.view.Level;
import kz.nobd.dashboard.view.Place;
import kz.nobd.dashboard.view.SchoolPage;

/**
 * A school's page from report-service (its card, its row with its district and oblast, its enrolment by grade and
 * sex; then its district's and oblast's cards) and ingest-service (rejections, conflicts), all with the user's
 * token: a school outside the user's jurisdiction is the API's 404.
 */
@ApplicationScoped
public class SchoolPages {
    /** the newest rejections and conflicts shown (the API's page) */
    static final int LISTED = 50;

    @Inject
    @RestClient
    ReportApi report;

    @Inject
    @RestClient
    IngestApi ingest;

    @Inject
    KatoNames katoNames;

    public Uni<SchoolPage> page(String bin, Viewer viewer, Texts texts) {
        Locale locale = texts.locale();
        Uni<JsonNode> card = report.indicators(Level.SCHOOL.name(), null, bin, null);
        Uni<JsonNode> row = report.equipment(Level.SCHOOL.name(), null, bin, 1);
        Uni<JsonNode> enrolment = report.enrolment(Level.SCHOOL.name(), bin, "grade,sex", 500);
        Uni<JsonNode> rejections = ingest.rejections(bin, LISTED);
        Uni<JsonNode> conflicts = ingest.conflicts(bin, LISTED);
        return Uni.combine().all().unis(card, row, enrolment, rejections, conflicts).asTuple().flatMap(t -> {
            JsonNode place = t.getItem2().path("rows").path(0);
            String districtKato = place.path("districtKato").asText(null);
            String oblastKato = place.path("oblastKato").asText(null);
            return Uni.combine().all().unis(unitCard(Level.DISTRICT, districtKato), unitCard(Level.OBLAST, oblastKato))
                    .asTuple().map(units -> {
                        IndicatorCardView school = IndicatorCardView.of(Level.SCHOOL, t.getItem1(), locale, texts.pointsUnit());
                        Place district = katoNames.place(Level.DISTRICT, districtKato).orElse(null);
                        Place oblast = katoNames.place(Level.OBLAST, oblastKato).orElse(null);
                        List<SchoolPage.GradeRow> grades = grades(t.getItem3(), locale);
                        return new SchoolPage(school.place(), crumbs(viewer, oblast, district), school,
                                comparison(school, card(units.getItem1(), texts), card(units.getItem2(), texts)),
                                district, oblast, grades.subList(0, grades.size() - 1), grades.get(grades.size() - 1),
                                rejections(t.getItem4()), conflicts(t.getItem5()));
                    });
        });
    }

    /** a district's or oblast's card, or nothing where the user may not read it (the API's 403 or 404) */
    private Uni<JsonNode> unitCard(Level level, String kato) {
        if (kato == null) {
            return Uni.createFrom().item(NullNode.getInstance());
        }
        return report.indicators(level.name(), kato, null, null)
                .onFailure(Refusals::isRefusal).recoverWithItem(NullNode.getInstance());
    }

    private static IndicatorCardView card(JsonNode card, Texts texts) {
        return card.isNull() ? null : IndicatorCardView.of(Level.DISTRICT, card, texts.locale(), texts.pointsUnit());
    }

    private static List<SchoolPage.Comparison> comparison(IndicatorCardView school, IndicatorCardView district,
            IndicatorCardView oblast) {
        List<SchoolPage.Comparison> rows = new ArrayList<>();
        for (Indicator indicator : List.of(Indicator.STUDENTS_PER_COMPUTER, Indicator.CONNECTED_SHARE,
                Indicator.BROADBAND_SHARE, Indicator.NEEDS_REPLACEMENT_SHARE)) {
            rows.add(new SchoolPage.Comparison(indicator, school.line(indicator).total(),
                    district == null ? Figure.NONE : district.line(indicator).total(),
                    oblast == null ? Figure.NONE : oblast.line(indicator).total()));
        }
        return rows;
    }

    /** rows per grade (0..12, those with students) and, last, the school's total */
    static List<SchoolPage.GradeRow> grades(JsonNode rollup, Locale locale) {
        Map<Integer, long[]> byGrade = new TreeMap<>();
        for (JsonNode row : rollup.path("rows")) {
            long[] girlsBoys = byGrade.computeIfAbsent(row.path("grade").asInt(), g -> new long[2]);
            girlsBoys["F".equals(row.path("sex").asText()) ? 0 : 1] += row.path("students").asLong();
        }
        List<SchoolPage.GradeRow> rows = new ArrayList<>();
        long girls = 0;
        long boys = 0;
        for (Map.Entry<Integer, long[]> e : byGrade.entrySet()) {
            rows.add(gradeRow(String.valueOf(e.getKey()), e.getValue()[0], e.getValue()[1], locale));
            girls += e.getValue()[0];
            boys += e.getValue()[1];
        }
        rows.add(gradeRow(null, girls, boys, locale));
        return rows;
    }

    private static SchoolPage.GradeRow gradeRow(String grade, long girls, long boys, Locale locale) {
        return new SchoolPage.GradeRow(grade, count(girls, locale), count(boys, locale), count(girls + boys, locale));
    }

    private static Figure count(long n, Locale locale) {
        return Figure.of(LongNode.valueOf(n), Indicator.Kind.COUNT, locale);
    }

    private static List<SchoolPage.Rejection> rejections(JsonNode page) {
        List<SchoolPage.Rejection> list = new ArrayList<>();
        for (JsonNode r : page.path("items")) {
            list.add(new SchoolPage.Rejection(r.path("kind").asText(), r.path("reason").asText(),
                    r.path("detail").asText(), r.path("rejectedAt").asText()));
        }
        return list;
    }

    private static List<SchoolPage.Conflict> conflicts(JsonNode page) {
        List<SchoolPage.Conflict> list = new ArrayList<>();
        for (JsonNode c : page.path("items")) {
            list.add(new SchoolPage.Conflict(c.path("iin").asText(), c.path("grade").asText(),
                    c.path("otherSchoolBin").asText(), c.path("date").asText()));
        }
        return list;
    }

    private static List<Place> crumbs(Viewer viewer, Place oblast, Place district) {
        List<Place> crumbs = new ArrayList<>();
        if (viewer.isSchool()) {
            return crumbs;
        }
        if (viewer.isMinistry()) {
            crumbs.add(new Place(Level.NATIONAL, null, "", ""));
        }
        if (oblast != null) {
            crumbs.add(oblast);
        }
        if (district != null) {
            crumbs.add(district);
        }
        return crumbs;
    }
}
