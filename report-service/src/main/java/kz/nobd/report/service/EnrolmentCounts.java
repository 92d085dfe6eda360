package kz.nobd.report.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;
import kz.nobd.support.Outages;

/** Students on a date: from the in-memory cube when it holds that date, else summed from the daily deltas. */
@ApplicationScoped
public class EnrolmentCounts {
    @Inject
    EnrolmentCube cube;
    @Inject
    EnrolmentStore store;

    /** Visits the counts of the schools in {@code bins} (all when null) on {@code date}. */
    public void visit(LocalDate date, Set<Dimension> dims, Collection<String> bins, CountVisitor visitor) {
        if (cube.holds(date)) {
            java.util.Set<String> wanted = bins == null ? null : new java.util.HashSet<>(bins);
            cube.visit(dims, wanted == null ? bin -> true : wanted::contains, visitor);
            return;
        }
        try {
            LocalDate today = cube.date();
            if (today != null && date.isBefore(today)) {
                // whichever reads fewer delta rows: back from today, or forward from the month's checkpoint
                if (store.rowsBetween(date, today) < store.rowsBetween(cube.checkpointOnOrBefore(date), date)) {
                    backFromToday(date, today, dims, bins, visitor);
                } else {
                    fromCheckpoint(date, dims, bins, visitor);
                }
            } else {
                store.countOn(date, dims, bins, visitor);
            }
        } catch (SQLException e) {
            throw Outages.fromDatabase(e, "the database did not answer; retry later");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Students on a past date = the counts of its month's first day (a checkpoint the cube keeps) plus the deltas of
     * the days after it up to the date: at most a month of rows. A date older than every checkpoint is the sum of
     * all the deltas up to it. Checkpoint and database are read at the same point.
     */
    void fromCheckpoint(LocalDate date, Set<Dimension> dims, Collection<String> bins, CountVisitor visitor)
            throws Exception {
        Map<String, long[]> counts = cube.consistently(() -> {
            LocalDate month = cube.checkpointOnOrBefore(date);
            if (month == null) {
                return null;
            }
            Map<String, long[]> projected = cube.checkpointProjection(month, dims, bins);
            if (month.isBefore(date)) {
                store.sum(month, date, dims, bins, adding(projected, 1));
            }
            return projected;
        });
        if (counts == null) {
            store.countOn(date, dims, bins, visitor);
        } else {
            emit(counts, dims, visitor);
        }
    }

    /**
     * Students on a recent past date = today's counts minus the deltas of the days after it: far fewer rows than
     * all the deltas up to it when most spells started at the beginning of the school year. The cube and the
     * database are read at the same point (no batch commits meanwhile).
     */
    void backFromToday(LocalDate date, LocalDate today, Set<Dimension> dims, Collection<String> bins,
            CountVisitor visitor) throws Exception {
        Map<String, long[]> counts = cube.consistently(() -> {
            if (!cube.holds(today)) {
                throw new SQLException("the cube moved to another day; retry");
            }
            Map<String, long[]> projected = cube.projection(dims, bins);
            store.sum(date, today, dims, bins, adding(projected, -1));
            return projected;
        });
        emit(counts, dims, visitor);
    }

    /** Adds (sign 1) or subtracts (sign -1) visited counts into per-school arrays of projected cells. */
    private static CountVisitor adding(Map<String, long[]> projected, int sign) {
        return (bin, grade, sex, language, students) -> projected.computeIfAbsent(bin, b -> new long[Cell.COUNT])[Cell
                .ofVisited(grade, sex, language)] += sign * students;
    }

    private static void emit(Map<String, long[]> counts, Set<Dimension> dims, CountVisitor visitor) {
        CellProjection projection = CellProjection.of(dims);
        counts.forEach((bin, cells) -> {
            for (int i = 0; i < Cell.COUNT; i++) {
                if (cells[i] != 0) {
                    visitor.count(bin, projection.grade(i), projection.sex(i), projection.language(i), cells[i]);
                }
            }
        });
    }

    /**
     * Students on {@code date} summed per group of schools ({@code groupOf} gives a school's group, or -1 to leave
     * it out): per group 156 cells, those of dimensions not among {@code dims} possibly summed into index 0 of
     * that dimension (project again to read them).
     */
    public Map<Long, long[]> byGroup(LocalDate date, Set<Dimension> dims, Collection<String> bins,
            java.util.function.ToLongFunction<String> groupOf) {
        Map<Long, long[]> groups = new HashMap<>();
        if (cube.addByGroup(date, groupOf, groups)) {
            return groups;
        }
        visit(date, dims, bins, (bin, grade, sex, language, students) -> {
            long group = groupOf.applyAsLong(bin);
            if (group >= 0) {
                groups.computeIfAbsent(group, g -> new long[Cell.COUNT])[Cell.ofVisited(grade, sex, language)] += students;
            }
        });
        return groups;
    }

    /** Students per school on {@code date}. */
    public Map<String, Long> perSchool(LocalDate date, Collection<String> bins) {
        Map<String, Long> students = new HashMap<>();
        visit(date, Set.of(), bins, (bin, g, s, l, n) -> students.merge(bin, n, Long::sum));
        return students;
    }
}
