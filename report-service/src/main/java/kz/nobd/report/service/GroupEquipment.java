package kz.nobd.report.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.domain.EquipmentReport;
import kz.nobd.report.domain.EquipmentTally;
import kz.nobd.report.domain.SchoolVersion;

/**
 * The equipment of each group of schools of a date ({@link SchoolDirectory.Placement#groups}): its OPEN schools'
 * current reports tallied once, kept until the placement (a card changed) or the reports change. An equipment answer
 * then adds up a few thousand group tallies and each school's students instead of looking up the report of each of
 * 20,000 schools: an enrolment flow changes the students, not the equipment. Kept for a few dates.
 */
@ApplicationScoped
public class GroupEquipment {
    private static final int DATES_KEPT = 4;

    @Inject
    EquipmentStore equipment;

    private final Map<LocalDate, Tallies> kept = new LinkedHashMap<>();

    /**
     * One group's equipment: its OPEN schools' reports tallied with no students ({@code tally}), the BINs of those
     * schools and whether each has a current report (for its students), and an OPEN school that names the group
     * (null when none is OPEN).
     */
    public record Devices(SchoolVersion sample, EquipmentTally tally, List<String> open, boolean[] reported) {
        /** Adds this group's equipment, and the students of its schools as {@code students} gives them, to {@code into}. */
        public void addInto(EquipmentTally into, ToLongFunction<String> students) {
            tally.addInto(into);
            for (int i = 0; i < open.size(); i++) {
                into.addStudents(students.applyAsLong(open.get(i)), reported[i]);
            }
        }
    }

    /**
     * Every group's equipment on a date, for one placement and one state of the reports: {@code groups} in the order
     * of the placement's groups.
     */
    public record Tallies(SchoolDirectory.Placement placement, long changes, List<Devices> groups) {
    }

    /** The groups' equipment of {@code placement} (the directory's placement on {@code date}). */
    public Tallies on(LocalDate date, SchoolDirectory.Placement placement) {
        long changes = equipment.changes(); // read before the reports: a change while tallying is seen next time
        synchronized (kept) {
            Tallies held = kept.get(date);
            if (held != null && held.placement() == placement && held.changes() == changes) {
                return held;
            }
        }
        Tallies tallies = new Tallies(placement, changes, tally(date, placement));
        synchronized (kept) {
            kept.remove(date);
            if (kept.size() >= DATES_KEPT) {
                kept.remove(kept.keySet().iterator().next());
            }
            kept.put(date, tallies);
        }
        return tallies;
    }

    private List<Devices> tally(LocalDate date, SchoolDirectory.Placement placement) {
        List<Devices> groups = new ArrayList<>(placement.groups().size());
        for (List<SchoolVersion> group : placement.groups()) {
            EquipmentTally tally = new EquipmentTally();
            SchoolVersion sample = null;
            List<String> open = new ArrayList<>(group.size());
            boolean[] reported = new boolean[group.size()];
            for (SchoolVersion school : group) {
                if (school.isOpen()) {
                    sample = sample == null ? school : sample;
                    EquipmentReport report = equipment.currentOn(school.bin(), date);
                    reported[open.size()] = report != null;
                    open.add(school.bin());
                    tally.add(report, 0);
                }
            }
            groups.add(new Devices(sample, tally, open, reported));
        }
        return List.copyOf(groups);
    }
}
