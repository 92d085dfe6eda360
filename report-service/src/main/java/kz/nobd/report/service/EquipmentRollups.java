package kz.nobd.report.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.EquipmentTally;
import kz.nobd.report.domain.Level;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.report.signoff.ConfirmedColumns;
import kz.nobd.report.signoff.ConfirmedFigures;

/**
 * Devices, connectivity and students per computer per unit on a date (GET /rollups/equipment), over the schools
 * OPEN on that date; the ratios over those with a current report (docs/report.md).
 */
@ApplicationScoped
public class EquipmentRollups {
    @Inject
    Units units;
    @Inject
    EnrolmentCounts counts;
    @Inject
    EquipmentStore equipment;
    @Inject
    GroupEquipment groupEquipment;
    @Inject
    ReportConfig config;

    /** One group of schools: a school that names the unit, and the tally. */
    public record Group(SchoolVersion sample, EquipmentTally tally) {
    }

    public RollupTable rollup(RollupQuery q, Jurisdiction j) {
        return rollup(q, j, null);
    }

    /** The rollup on {@code confirmed} figures (a period's signed returns), or today's when null. */
    public RollupTable rollup(RollupQuery q, Jurisdiction j, ConfirmedFigures.Confirmed confirmed) {
        j.checkLevel(q.level());
        j.checkTerritory(q.kato());
        j.checkSchool(q.bin());
        Map<List<Object>, Group> groups = tally(q, j, confirmed, school -> {
            List<Object> values = new ArrayList<>();
            q.by().forEach(d -> values.add(Units.schoolValue(d, school)));
            return Units.key(q.level().unitOf(school), values);
        });
        List<List<Object>> keys = new ArrayList<>(groups.keySet());
        keys.sort(Units.KEY_ORDER);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> key : q.paging().slice(keys)) { // row maps for the page only
            Map<String, Object> row = new LinkedHashMap<>();
            Group group = groups.get(key);
            units.name(q.level(), group.sample(), row);
            for (int d = 0; d < q.by().size(); d++) {
                row.put(q.by().get(d).field(), key.get(d + 1));
            }
            row.putAll(fields(group.tally(), j));
            if (confirmed != null) {
                ConfirmedColumns.put(row, confirmed, group.tally().schools());
            }
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(Units.columns(q.level()));
        columns.addAll(q.byFields());
        columns.addAll(fields(new EquipmentTally(), j).keySet());
        if (confirmed != null) {
            columns.addAll(ConfirmedColumns.NAMES);
        }
        return new RollupTable(q.level().name(), q.asOf(), q.byFields(), rows, q.paging().page(),
                q.paging().size(), keys.size(), columns);
    }

    /**
     * The OPEN schools of the query, tallied per {@code keyOf(school)}. For today's figures of a territory made of
     * whole groups of schools ({@link Units#coversWholeGroups}) above SCHOOL level, {@code keyOf} is asked once per
     * group ({@link SchoolDirectory.Placement#groups}): it must then depend only on the unit and the school
     * breakdown (locality, type, ownership), as every caller's does.
     */
    public Map<List<Object>, Group> tally(RollupQuery q, Jurisdiction j, ConfirmedFigures.Confirmed confirmed,
            Function<SchoolVersion, List<Object>> keyOf) {
        if (confirmed == null && q.level() != Level.SCHOOL && units.coversWholeGroups(q, j)) {
            return tallyByGroup(q, j, keyOf);
        }
        Map<String, SchoolVersion> placed = units.placed(q, j);
        placed.values().removeIf(school -> !school.isOpen());
        if (confirmed != null) {
            placed.keySet().retainAll(confirmed.schools());
        }
        Map<String, Long> students = confirmed != null ? confirmed.totals()
                : counts.perSchool(q.asOf(), Units.narrowed(q, j) ? placed.keySet() : null);
        Map<List<Object>, Group> groups = new HashMap<>();
        for (SchoolVersion school : placed.values()) {
            Group group = groups.computeIfAbsent(keyOf.apply(school), k -> new Group(school, new EquipmentTally()));
            group.tally().add(confirmed != null ? confirmed.equipment().get(school.bin())
                    : equipment.currentOn(school.bin(), q.asOf()), students.getOrDefault(school.bin(), 0L));
        }
        return groups;
    }

    private Map<List<Object>, Group> tallyByGroup(RollupQuery q, Jurisdiction j,
            Function<SchoolVersion, List<Object>> keyOf) {
        List<GroupEquipment.Devices> inScope = new ArrayList<>();
        List<String> bins = Units.narrowed(q, j) ? new ArrayList<>() : null;
        for (GroupEquipment.Devices devices : groupEquipment.on(q.asOf(), units.placement(q.asOf())).groups()) {
            if (devices.sample() != null && Units.holdsGroupOf(q, j, devices.sample())) {
                inScope.add(devices);
                if (bins != null) {
                    bins.addAll(devices.open());
                }
            }
        }
        return counts.withStudents(q.asOf(), bins, students -> {
            Map<List<Object>, Group> groups = new HashMap<>();
            for (GroupEquipment.Devices devices : inScope) {
                Group group = groups.computeIfAbsent(keyOf.apply(devices.sample()),
                        k -> new Group(devices.sample(), new EquipmentTally()));
                devices.addInto(group.tally(), students);
            }
            return groups;
        });
    }

    /**
     * The tally's fields; for a caller who may not see small counts, student counts of 1..max (and the ratio
     * computed from them) are null and the row is marked suppressed.
     */
    public Map<String, Object> fields(EquipmentTally tally, Jurisdiction j) {
        Map<String, Object> fields = tally.fields();
        boolean suppressed = false;
        if (j.suppressesSmallCells()) {
            for (String count : List.of("students", "studentsInReported")) {
                long n = (Long) fields.get(count);
                if (n >= 1 && n <= config.smallCellMax()) {
                    fields.put(count, null);
                    fields.put("studentsPerComputer", null);
                    suppressed = true;
                }
            }
        }
        fields.put("suppressed", suppressed);
        return fields;
    }
}
