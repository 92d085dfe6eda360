package kz.nobd.report.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.Language;
import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.report.domain.SpellFact;
import kz.nobd.report.domain.Suppression;

/** Student counts per unit and breakdown on a date (GET /rollups/enrolment). */
@ApplicationScoped
public class EnrolmentRollups {
    @Inject
    Units units;
    @Inject
    EnrolmentCounts counts;
    @Inject
    ReportConfig config;

    private record Group(SchoolVersion sample, long[] students) {
    }

    public RollupTable rollup(RollupQuery q, Jurisdiction j) {
        j.checkLevel(q.level());
        j.checkTerritory(q.kato());
        j.checkSchool(q.bin());
        Map<String, SchoolVersion> placed = units.placed(q, j);
        Map<List<Object>, Group> groups = new HashMap<>();
        counts.visit(q.asOf(), q.spellDimensions(), Units.narrowed(q, j) ? placed.keySet() : null,
                (bin, grade, sex, language, students) -> {
                    SchoolVersion school = placed.get(bin);
                    if (school == null) {
                        return;
                    }
                    List<Object> key = Units.key(q.level().unitOf(school), values(q, school, grade, sex, language));
                    groups.computeIfAbsent(key, k -> new Group(school, new long[1])).students()[0] += students;
                });
        List<List<Object>> keys = new ArrayList<>(groups.keySet());
        keys.removeIf(k -> groups.get(k).students()[0] == 0);
        keys.sort(Units.KEY_ORDER);
        boolean[] suppressed = suppression(q, j, keys, groups);
        List<Map<String, Object>> rows = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            rows.add(row(q, keys.get(i), groups.get(keys.get(i)), suppressed[i]));
        }
        List<String> columns = new ArrayList<>(Units.columns(q.level()));
        columns.addAll(q.byFields());
        columns.add("students");
        columns.add("suppressed");
        return new RollupTable(q.level().name(), q.asOf(), q.byFields(), q.paging().slice(rows), q.paging().page(),
                q.paging().size(), rows.size(), columns);
    }

    private static List<Object> values(RollupQuery q, SchoolVersion school, int grade, int sex, int language) {
        List<Object> values = new ArrayList<>(q.by().size());
        for (Dimension d : q.by()) {
            values.add(switch (d) {
                case GRADE -> grade;
                case SEX -> SpellFact.Sex.values()[sex].name();
                case LANGUAGE -> Language.values()[language].name();
                default -> Units.schoolValue(d, school);
            });
        }
        return values;
    }

    private boolean[] suppression(RollupQuery q, Jurisdiction j, List<List<Object>> keys, Map<List<Object>, Group> groups) {
        if (!j.suppressesSmallCells()) {
            return new boolean[keys.size()];
        }
        long[] values = new long[keys.size()];
        List<List<Object>> coordinates = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Group g = groups.get(keys.get(i));
            values[i] = g.students()[0];
            coordinates.add(Units.key(Units.parent(q.level(), g.sample()), keys.get(i)));
        }
        int[] axes = new int[q.by().size() + 1];
        for (int a = 0; a < axes.length; a++) {
            axes[a] = a + 1; // position 0 is the parent unit, fixed in every line
        }
        return Suppression.apply(values, coordinates, axes, config.smallCellMax());
    }

    private Map<String, Object> row(RollupQuery q, List<Object> key, Group group, boolean suppressed) {
        Map<String, Object> row = new LinkedHashMap<>();
        units.name(q.level(), group.sample(), row);
        for (int d = 0; d < q.by().size(); d++) {
            row.put(q.by().get(d).field(), key.get(d + 1));
        }
        row.put("students", suppressed ? null : group.students()[0]);
        row.put("suppressed", suppressed);
        return row;
    }
}
