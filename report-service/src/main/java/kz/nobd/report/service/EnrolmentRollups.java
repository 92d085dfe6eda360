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
import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.report.domain.SpellFact;
import kz.nobd.report.domain.Suppression;

/**
 * Student counts per unit and breakdown on a date (GET /rollups/enrolment). The schools' cell arrays are first
 * summed per unit and school breakdown (locality, type, ownership), then projected on the spell breakdown (grade,
 * sex, language). Rows are keyed by one long: the unit's digits (KATO or BIN) above the breakdown values, so they
 * sort by unit, then grade, sex, language, locality, type, ownership.
 */
@ApplicationScoped
public class EnrolmentRollups {
    @Inject
    Units units;
    @Inject
    EnrolmentCounts counts;
    @Inject
    ReportConfig config;

    /** One row: a school naming the unit, the spell breakdown values (-1 = not broken down), the count. */
    private static final class Group {
        final SchoolVersion sample;
        final int grade;
        final int sex;
        final int language;
        long students;

        Group(SchoolVersion sample, int grade, int sex, int language) {
            this.sample = sample;
            this.grade = grade;
            this.sex = sex;
            this.language = language;
        }
    }

    public RollupTable rollup(RollupQuery q, Jurisdiction j) {
        j.checkLevel(q.level());
        j.checkTerritory(q.kato());
        j.checkSchool(q.bin());
        Map<String, SchoolVersion> placed = units.placed(q, j);
        Map<String, Long> groupOf = new HashMap<>(placed.size() * 2);
        Map<Long, SchoolVersion> samples = new HashMap<>();
        placed.forEach((bin, school) -> {
            long key = schoolKey(q, school);
            groupOf.put(bin, key);
            samples.putIfAbsent(key, school);
        });
        Map<Long, long[]> sums = counts.byGroup(q.asOf(), q.spellDimensions(),
                Units.narrowed(q, j) ? placed.keySet() : null, bin -> groupOf.getOrDefault(bin, -1L));
        Map<Long, Group> groups = new HashMap<>();
        sums.forEach((schoolKey, cells) -> breakDown(q, schoolKey, samples.get(schoolKey), cells, groups));
        List<Long> keys = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> {
            if (group.students != 0) {
                keys.add(key);
            }
        });
        keys.sort(null);
        boolean[] suppressed = suppression(q, j, keys, groups);
        List<Map<String, Object>> rows = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            rows.add(row(q, groups.get(keys.get(i)), suppressed[i]));
        }
        List<String> columns = new ArrayList<>(Units.columns(q.level()));
        columns.addAll(q.byFields());
        columns.add("students");
        columns.add("suppressed");
        return new RollupTable(q.level().name(), q.asOf(), q.byFields(), q.paging().slice(rows), q.paging().page(),
                q.paging().size(), rows.size(), columns);
    }

    /** Adds the rows of one unit and school breakdown: its cells projected on the spell dimensions asked for. */
    private static void breakDown(RollupQuery q, long schoolKey, SchoolVersion sample, long[] cells,
            Map<Long, Group> groups) {
        CellProjection projection = CellProjection.of(q.by());
        long[] projected = new long[Cell.COUNT];
        for (int i = 0; i < Cell.COUNT; i++) {
            if (cells[i] != 0) {
                projected[projection.target(i)] += cells[i];
            }
        }
        for (int i = 0; i < Cell.COUNT; i++) {
            if (projected[i] != 0) {
                int grade = projection.grade(i), sex = projection.sex(i), language = projection.language(i);
                long key = schoolKey | (long) (grade + 1) << 13 | (long) (sex + 1) << 11 | (long) (language + 1) << 8;
                Group group = new Group(sample, grade, sex, language);
                group.students = projected[i];
                groups.put(key, group);
            }
        }
    }

    /** The unit's digits and the school's breakdown values: bits 17 and up, and 0..7; spell values go in 8..16. */
    private static long schoolKey(RollupQuery q, SchoolVersion school) {
        String unit = q.level().unitOf(school);
        long key = unit == null ? 0 : Long.parseLong(unit) << 17;
        if (q.by().contains(Dimension.LOCALITY)) {
            key |= (long) (school.locality().ordinal() + 1) << 6;
        }
        if (q.by().contains(Dimension.TYPE)) {
            key |= (long) (school.type().ordinal() + 1) << 2;
        }
        if (q.by().contains(Dimension.OWNERSHIP)) {
            key |= school.ownership().ordinal() + 1;
        }
        return key;
    }

    private static Object value(Dimension d, Group g) {
        return switch (d) {
            case GRADE -> g.grade;
            case SEX -> SpellFact.Sex.values()[g.sex].name();
            case LANGUAGE -> Language.values()[g.language].name();
            default -> Units.schoolValue(d, g.sample);
        };
    }

    private boolean[] suppression(RollupQuery q, Jurisdiction j, List<Long> keys, Map<Long, Group> groups) {
        if (!j.suppressesSmallCells()) {
            return new boolean[keys.size()];
        }
        long[] values = new long[keys.size()];
        List<List<Object>> coordinates = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Group g = groups.get(keys.get(i));
            values[i] = g.students;
            List<Object> coordinate = new ArrayList<>();
            coordinate.add(Units.parent(q.level(), g.sample)); // fixed in every line
            coordinate.add(q.level().unitOf(g.sample));
            q.by().forEach(d -> coordinate.add(value(d, g)));
            coordinates.add(coordinate);
        }
        int[] axes = new int[q.by().size() + 1];
        for (int a = 0; a < axes.length; a++) {
            axes[a] = a + 1;
        }
        return Suppression.apply(values, coordinates, axes, config.smallCellMax());
    }

    private Map<String, Object> row(RollupQuery q, Group group, boolean suppressed) {
        Map<String, Object> row = new LinkedHashMap<>();
        units.name(q.level(), group.sample, row);
        for (Dimension d : q.by()) {
            row.put(d.field(), value(d, group));
        }
        row.put("students", suppressed ? null : group.students);
        row.put("suppressed", suppressed);
        return row;
    }

}
