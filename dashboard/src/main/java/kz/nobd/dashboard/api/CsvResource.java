package kz.nobd.dashboard.api;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import kz.nobd.dashboard.service.CompletenessViews;
import kz.nobd.dashboard.service.SchoolPages;
import kz.nobd.dashboard.service.TrendViews;
import kz.nobd.dashboard.service.UnitPages;
import kz.nobd.dashboard.view.CsvText;
import kz.nobd.dashboard.view.Indicator;
import kz.nobd.dashboard.view.IndicatorCardView;
import kz.nobd.dashboard.view.UnitFigures;

/**
 * The CSV of every table behind a chart, built from the same API answers as the table (with the user's token):
 * the units below a unit, a unit's trend, completeness, a school's enrolment and comparison.
 */
@Path("/csv")
@Produces(CsvText.MEDIA_TYPE)
public class CsvResource {
    static final List<String> INDICATOR_FIELDS = java.util.Arrays.stream(Indicator.values()).map(i -> i.field).toList();

    @Inject
    UnitPages units;

    @Inject
    TrendViews trends;

    @Inject
    CompletenessViews completeness;

    @Inject
    SchoolPages schools;

    @Inject
    PageContext context;

    @GET
    @Path("/units")
    public Uni<Response> units(@QueryParam("level") String level, @QueryParam("kato") String kato) {
        FragmentResource.Unit unit = FragmentResource.Unit.of(level, kato, null);
        return units.below(unit.level(), unit.kato(), context.texts().locale()).map(below -> {
            List<String> header = new ArrayList<>(List.of("code", "nameKk", "nameRu"));
            header.addAll(INDICATOR_FIELDS);
            header.add("reported");
            List<List<String>> rows = new ArrayList<>();
            for (UnitFigures u : below) {
                List<String> row = new ArrayList<>(List.of(u.place().code(), u.place().nameKk(), u.place().nameRu()));
                for (Indicator i : Indicator.values()) {
                    row.add(u.get(i).raw());
                }
                row.add(u.reported().raw());
                rows.add(row);
            }
            return file("nobd-" + unit.level().below().name().toLowerCase() + "-" + name(unit) + ".csv", header, rows);
        });
    }

    @GET
    @Path("/trend")
    public Uni<Response> trend(@QueryParam("level") String level, @QueryParam("kato") String kato,
            @QueryParam("bin") String bin) {
        FragmentResource.Unit unit = FragmentResource.Unit.of(level, kato, bin);
        return trends.of(unit.level(), unit.kato(), unit.bin(), context.texts()).map(trend -> {
            List<String> header = new ArrayList<>(List.of("asOf"));
            header.addAll(INDICATOR_FIELDS);
            List<List<String>> rows = new ArrayList<>();
            for (IndicatorCardView card : trend.cards()) {
                List<String> row = new ArrayList<>(List.of(card.asOf()));
                card.lines().forEach(line -> row.add(line.total().raw()));
                rows.add(row);
            }
            return file("nobd-trend-" + name(unit) + ".csv", header, rows);
        });
    }

    @GET
    @Path("/completeness")
    public Uni<Response> completeness(@QueryParam("level") String level, @QueryParam("kato") String kato) {
        FragmentResource.Unit unit = FragmentResource.Unit.of(level, kato, null);
        return completeness.of(unit.kato(), context.texts().locale(), Integer.MAX_VALUE).map(c -> file(
                "nobd-not-reported-" + name(unit) + ".csv", List.of("bin", "nameKk", "nameRu", "status"),
                c.listed().stream().map(m -> List.of(m.school().code(), m.school().nameKk(), m.school().nameRu(),
                        m.status() == null ? "" : m.status())).toList()));
    }

    @GET
    @Path("/enrolment")
    public Uni<Response> enrolment(@QueryParam("bin") String bin) {
        String checked = PageParams.bin(bin);
        return schools.page(checked, context.viewer(), context.texts()).map(page -> {
            List<List<String>> rows = new ArrayList<>();
            page.enrolment().forEach(g -> rows.add(List.of(g.grade(), g.girls().raw(), g.boys().raw(), g.total().raw())));
            var t = page.enrolmentTotal();
            rows.add(List.of("total", t.girls().raw(), t.boys().raw(), t.total().raw()));
            return file("nobd-enrolment-" + checked + ".csv", List.of("grade", "girls", "boys", "students"), rows);
        });
    }

    @GET
    @Path("/comparison")
    public Uni<Response> comparison(@QueryParam("bin") String bin) {
        String checked = PageParams.bin(bin);
        return schools.page(checked, context.viewer(), context.texts()).map(page -> file(
                "nobd-comparison-" + checked + ".csv", List.of("indicator", "school", "district", "oblast"),
                page.comparison().stream().map(c -> List.of(c.indicator().field, c.school().raw(),
                        c.district().raw(), c.oblast().raw())).toList()));
    }

    private static String name(FragmentResource.Unit unit) {
        return unit.level().name().toLowerCase() + (unit.kato() != null ? "-" + unit.kato()
                : unit.bin() != null ? "-" + unit.bin() : "");
    }

    private static Response file(String name, List<String> header, List<List<String>> rows) {
        return Response.ok(CsvText.of(header, rows), CsvText.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").build();
    }
}
