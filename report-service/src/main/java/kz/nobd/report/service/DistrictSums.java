package kz.nobd.report.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.SchoolVersion;

/**
 * Today's counts summed per group of schools that every rollup above SCHOOL level keeps together
 * ({@link SchoolDirectory.Placement#groups}: one district, and so one oblast, one locality, type and ownership).
 * The country has a few thousand such groups against 20,000 schools, so a national or oblast answer of today adds
 * up groups instead of visiting every school's 156 cells.
 * Built from today's counts and the schools placed today ({@link #of}); the cube adds each committed delta to it
 * ({@link #add}) and drops it when it moves to another day; built again when the placement changes (a registry
 * change). Not thread-safe: the cube's lock guards it like the counts it sums.
 */
final class DistrictSums {
    private static final CellProjection EVERY_CELL = CellProjection.of(
            EnumSet.of(Dimension.GRADE, Dimension.SEX, Dimension.LANGUAGE));

    /** One group: a school naming it (its oblast, district and breakdown values), its schools and summed cells. */
    record Group(SchoolVersion sample, int schools, long[] cells) {
    }

    private final LocalDate date;
    private final SchoolDirectory.Placement placement;
    private final List<Group> groups;
    private final Map<String, long[]> cellsOfSchool;

    private DistrictSums(LocalDate date, SchoolDirectory.Placement placement, List<Group> groups,
            Map<String, long[]> cellsOfSchool) {
        this.date = date;
        this.placement = placement;
        this.groups = groups;
        this.cellsOfSchool = cellsOfSchool;
    }

    /** The groups of {@code placement} with their counts in {@code today}. */
    static DistrictSums of(LocalDate date, SchoolDirectory.Placement placement, SchoolCells today) {
        Map<String, long[]> cellsOfSchool = new HashMap<>(placement.all().size() * 4 / 3 + 1);
        List<Group> groups = new ArrayList<>(placement.groups().size());
        for (List<SchoolVersion> schools : placement.groups()) {
            long[] cells = new long[Cell.COUNT];
            for (SchoolVersion school : schools) {
                cellsOfSchool.put(school.bin(), cells);
                today.addTo(school.bin(), EVERY_CELL, cells);
            }
            groups.add(new Group(schools.get(0), schools.size(), cells));
        }
        return new DistrictSums(date, placement, List.copyOf(groups), cellsOfSchool);
    }

    /** Whether these are the sums of {@code placement} on {@code day}. */
    boolean sums(LocalDate day, SchoolDirectory.Placement placed) {
        return date.equals(day) && placement == placed;
    }

    /** Adds a delta of a school's cell to its group (a school not placed today belongs to none). */
    void add(String bin, int cell, int delta) {
        long[] cells = cellsOfSchool.get(bin);
        if (cells != null) {
            cells[cell] += delta;
        }
    }

    /** The groups, in no particular order; their cells are the cube's own, to be read under its lock only. */
    List<Group> groups() {
        return groups;
    }
}
