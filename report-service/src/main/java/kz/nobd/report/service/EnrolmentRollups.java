package kz.nobd.report.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.Language;
import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.Level;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.report.domain.Spell;
import kz.nobd.contracts.events.Sex;
import kz.nobd.report.domain.Suppression;
import kz.nobd.report.signoff.ConfirmedColumns;
import kz.nobd.report.signoff.ConfirmedFigures;
import kz.nobd.support.Paging;

/**
 * Student counts per unit and breakdown on a date (GET /rollups/enrolment). Rows are keyed by one long: the unit's
 * digits (KATO or BIN) above the breakdown values, so they sort by unit, then grade, sex, language, locality, type,
 * ownership. The schools' counts arrive one school at a time in BIN order; at SCHOOL level a school is its unit, so
 * its rows are made and counted at once and only those of the page asked for are kept: the memory of a query grows
 * with its page, not with the country. Above SCHOOL level the schools' cells are first summed per unit and school
 * breakdown (locality, type, ownership), at most a few thousand arrays, then projected on the spell breakdown; for
 * today's figures those sums start from today's groups of schools ({@link DistrictSums}: one district, locality,
 * type and ownership) instead of every school, when the query's territory is made of whole groups.
 * Small-cell suppression (never at SCHOOL level) needs the whole table and keeps every row.
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
    private record Group(SchoolVersion sample, int grade, int sex, int language, long students, int schools) {
    }

    /** The cells of one unit and school breakdown: a school naming it, and its 156 summed cells. */
    private record Sums(long key, SchoolVersion sample, long[] cells, int[] schools) {
    }

    /** Counts the rows in key order and keeps those of the page (or all of them, to suppress small cells). */
    private static final class Rows {
        final long from;
        final long to;
        final boolean keepAll;
        final List<Group> kept = new ArrayList<>();
        long total;

        Rows(Paging paging, boolean keepAll) {
            this.from = (long) paging.page() * paging.size();
            this.to = from + paging.size();
            this.keepAll = keepAll;
        }

        void add(SchoolVersion sample, int grade, int sex, int language, long students, int schools) {
            if (keepAll || (total >= from && total < to)) {
                kept.add(new Group(sample, grade, sex, language, students, schools));
            }
            total++;
        }
    }

    public RollupTable rollup(RollupQuery q, Jurisdiction j) {
        return rollup(q, j, null);
    }

    /**
     * The rollup on {@code confirmed} figures (basis=confirmed: the signed returns of a period, each row with the
     * period and how many schools it covers), or today's when null.
     */
    public RollupTable rollup(RollupQuery q, Jurisdiction j, ConfirmedFigures.Confirmed confirmed) {
        j.checkLevel(q.level());
        j.checkTerritory(q.kato());
        j.checkSchool(q.bin());
        Rows rows = new Rows(q.paging(), j.suppressesSmallCells());
        CellProjection projection = CellProjection.of(q.by());
        TreeMap<Long, Sums> sums = new TreeMap<>();
        boolean summedByGroup = confirmed == null && q.level() != Level.SCHOOL && units.coversWholeGroups(q, j)
                && counts.groupsOn(q.asOf(), units.placement(q.asOf()), group -> {
                    if (Units.holdsGroupOf(q, j, group.sample())) {
                        addToUnit(sums, schoolKey(q, group.sample()), group.sample(), group.cells(), group.schools());
                    }
                });
        if (!summedByGroup) {
            Map<String, SchoolVersion> placed = units.placed(q, j);
            if (confirmed != null) {
                placed.keySet().retainAll(confirmed.schools());
            }
            CountSource source = confirmed == null ? counts::inBinOrder : confirmed::inBinOrder;
            source.inBinOrder(q.asOf(), q.spellDimensions(), Units.narrowed(q, j) ? placed.keySet() : null,
                    (bin, cells) -> {
                        SchoolVersion school = placed.get(bin);
                        if (school == null) {
                            return;
                        }
                        long key = schoolKey(q, school);
                        if (q.level() == Level.SCHOOL) {
                            // schools come in BIN order, which is the order of their units
                            breakDown(projection, new Sums(key, school, cells, new int[] {1}), rows);
                        } else {
                            addToUnit(sums, key, school, cells, 1);
                        }
                    });
        }
        List<Sums> unit = new ArrayList<>();
        for (Sums group : sums.values()) {
            if (!unit.isEmpty() && unit.get(0).key() >>> UNIT_SHIFT != group.key() >>> UNIT_SHIFT) {
                breakDown(projection, unit, rows);
                unit.clear();
            }
            unit.add(group);
        }
        breakDown(projection, unit, rows);
        List<Group> page = rows.kept;
        boolean[] suppressed;
        if (rows.keepAll) {
            boolean[] all = suppression(q, j, page);
            int from = (int) Math.min(rows.from, page.size()), to = (int) Math.min(rows.to, page.size());
            page = page.subList(from, to);
            suppressed = java.util.Arrays.copyOfRange(all, from, to);
        } else {
            suppressed = new boolean[page.size()];
        }
        List<Map<String, Object>> pageRows = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            pageRows.add(row(q, page.get(i), suppressed[i], confirmed));
        }
        List<String> columns = new ArrayList<>(Units.columns(q.level()));
        columns.addAll(q.byFields());
        columns.add("students");
        columns.add("suppressed");
        if (confirmed != null) {
            columns.addAll(ConfirmedColumns.NAMES);
        }
        return new RollupTable(q.level().name(), q.asOf(), q.byFields(), pageRows, q.paging().page(),
                q.paging().size(), rows.total, columns);
    }

    private static final int UNIT_SHIFT = 17;

    /** Adds the cells of {@code schools} schools (one school, or a group of today's) to their unit's sums. */
    private static void addToUnit(TreeMap<Long, Sums> sums, long key, SchoolVersion sample, long[] cells,
            int schools) {
        Sums unit = sums.computeIfAbsent(key, k -> new Sums(k, sample, new long[Cell.COUNT], new int[1]));
        unit.schools()[0] += schools;
        long[] total = unit.cells();
        for (int i = 0; i < Cell.COUNT; i++) {
            total[i] += cells[i];
        }
    }

    /** The rows of one school breakdown of a unit: its cells projected on the spell dimensions, in key order. */
    private static void breakDown(CellProjection projection, Sums group, Rows rows) {
        long[] projected = project(projection, group.cells());
        for (int i = 0; i < Cell.COUNT; i++) {
            if (projected[i] != 0) {
                rows.add(group.sample(), projection.grade(i), projection.sex(i), projection.language(i), projected[i],
                        group.schools()[0]);
            }
        }
    }

    /** The rows of a unit's school breakdowns (keys in order), sorted by their keys. */
    private static void breakDown(CellProjection projection, List<Sums> unit, Rows rows) {
        if (unit.size() == 1) {
            breakDown(projection, unit.get(0), rows);
            return;
        }
        record Keyed(long key, Sums group, int cell, long students) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (Sums group : unit) {
            long[] projected = project(projection, group.cells());
            for (int i = 0; i < Cell.COUNT; i++) {
                if (projected[i] != 0) {
                    long key = group.key() | (long) (projection.grade(i) + 1) << 13
                            | (long) (projection.sex(i) + 1) << 11 | (long) (projection.language(i) + 1) << 8;
                    keyed.add(new Keyed(key, group, i, projected[i]));
                }
            }
        }
        keyed.sort(java.util.Comparator.comparingLong(Keyed::key));
        for (Keyed k : keyed) {
            rows.add(k.group().sample(), projection.grade(k.cell()), projection.sex(k.cell()),
                    projection.language(k.cell()), k.students(), k.group().schools()[0]);
        }
    }

    private static long[] project(CellProjection projection, long[] cells) {
        long[] projected = new long[Cell.COUNT];
        for (int i = 0; i < Cell.COUNT; i++) {
            if (cells[i] != 0) {
                projected[projection.target(i)] += cells[i];
            }
        }
        return projected;
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
            case GRADE -> g.grade();
            case SEX -> Sex.values()[g.sex()].name();
            case LANGUAGE -> Language.values()[g.language()].name();
            default -> Units.schoolValue(d, g.sample());
        };
    }

    private boolean[] suppression(RollupQuery q, Jurisdiction j, List<Group> groups) {
        long[] values = new long[groups.size()];
        List<List<Object>> coordinates = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            values[i] = g.students();
            List<Object> coordinate = new ArrayList<>();
            coordinate.add(Units.parent(q.level(), g.sample())); // fixed in every line
            coordinate.add(q.level().unitOf(g.sample()));
            q.by().forEach(d -> coordinate.add(value(d, g)));
            coordinates.add(coordinate);
        }
        int[] axes = new int[q.by().size() + 1];
        for (int a = 0; a < axes.length; a++) {
            axes[a] = a + 1;
        }
        return Suppression.apply(values, coordinates, axes, config.smallCellMax());
    }

    private Map<String, Object> row(RollupQuery q, Group group, boolean suppressed,
            ConfirmedFigures.Confirmed confirmed) {
        Map<String, Object> row = new LinkedHashMap<>();
        units.name(q.level(), group.sample(), row);
        for (Dimension d : q.by()) {
            row.put(d.field(), value(d, group));
        }
        row.put("students", suppressed ? null : group.students());
        row.put("suppressed", suppressed);
        if (confirmed != null) {
            ConfirmedColumns.put(row, confirmed, group.schools());
        }
        return row;
    }

}
