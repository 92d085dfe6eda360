package kz.nobd.report.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;
import kz.nobd.support.Outages;

/**
 * Students on a date: from the in-memory cube when it holds that date, else from a month checkpoint or today's cube
 * and the daily deltas, or the deltas alone. Schools are visited one at a time in BIN order, so a query holds one
 * school's counts at a time (and the database sends its rows through a cursor), never the whole country's.
 */
@ApplicationScoped
public class EnrolmentCounts {
    @Inject
    EnrolmentCube cube;
    @Inject
    EnrolmentStore store;
    @Inject
    ReportConfig config;

    /**
     * Visits the counts of the schools in {@code bins} (all when null) on {@code date}, in BIN order, with the spell
     * dimensions {@code dims}. A school may be visited with no student.
     */
    public void inBinOrder(LocalDate date, Set<Dimension> dims, Collection<String> bins, SchoolCounts visitor) {
        try {
            boolean fromCube = cube.consistently(() -> {
                if (!cube.holds(date)) {
                    return false;
                }
                new BinOrderMerge(cube.today(), 1, bins, dims, visitor).done();
                return true;
            });
            if (fromCube) {
                return;
            }
            LocalDate today = cube.date();
            if (today != null && date.isBefore(today)
                    && store.rowsBetween(date, today) < store.rowsBetween(cube.checkpointOnOrBefore(date), date)) {
                // whichever reads fewer delta rows: back from today, or forward from the month's checkpoint
                backFromToday(date, today, dims, bins, visitor);
            } else {
                fromCheckpoint(date, dims, bins, visitor);
            }
        } catch (SQLException e) {
            throw Outages.fromDatabase(e, "the database did not answer in time (at most "
                    + config.queryTimeout().toSeconds() + " s per query); retry later");
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
    void fromCheckpoint(LocalDate date, Set<Dimension> dims, Collection<String> bins, SchoolCounts visitor)
            throws Exception {
        cube.consistently(() -> {
            LocalDate month = cube.checkpointOnOrBefore(date);
            BinOrderMerge merge = new BinOrderMerge(month == null ? null : cube.checkpoint(month), 1, bins, dims,
                    visitor);
            if (month == null || month.isBefore(date)) {
                store.sumInBinOrder(month, date, dims, bins, config.queryTimeout(), merge);
            }
            merge.done();
            return null;
        });
    }

    /**
     * Students on a recent past date = today's counts minus the deltas of the days after it: far fewer rows than
     * all the deltas up to it when most spells started at the beginning of the school year. The cube and the
     * database are read at the same point (no batch commits meanwhile).
     */
    void backFromToday(LocalDate date, LocalDate today, Set<Dimension> dims, Collection<String> bins,
            SchoolCounts visitor) throws Exception {
        cube.consistently(() -> {
            if (!cube.holds(today)) {
                throw new SQLException("the cube moved to another day; retry");
            }
            BinOrderMerge merge = new BinOrderMerge(cube.today(), -1, bins, dims, visitor);
            store.sumInBinOrder(date, today, dims, bins, config.queryTimeout(), merge);
            merge.done();
            return null;
        });
    }

    /**
     * Visits today's groups of schools ({@link DistrictSums}) of {@code placement}, the placement of {@code date}, if
     * the cube holds that date; false, and nothing visited, if it does not. The groups' cells are read under the
     * cube's lock: no batch is applied while they are visited.
     */
    public boolean groupsOn(LocalDate date, SchoolDirectory.Placement placement,
            Consumer<DistrictSums.Group> visitor) {
        return ifToday(date, () -> {
            cube.districtSums(placement).groups().forEach(visitor);
            return true;
        }) != null;
    }

    /** Visits the non-zero counts of the schools in {@code bins} (all when null) on {@code date}, in BIN order. */
    public void visit(LocalDate date, Set<Dimension> dims, Collection<String> bins, CountVisitor visitor) {
        CellProjection projection = CellProjection.of(dims);
        inBinOrder(date, dims, bins, (bin, cells) -> {
            for (int i = 0; i < Cell.COUNT; i++) {
                if (cells[i] != 0) {
                    visitor.count(bin, projection.grade(i), projection.sex(i), projection.language(i), cells[i]);
                }
            }
        });
    }

    /** Students per school on {@code date} (schools with none are left out). */
    public Map<String, Long> perSchool(LocalDate date, Collection<String> bins) {
        Map<String, Long> today = totalsIfToday(date, bins);
        return today != null ? today : summedFromDeltas(date, bins);
    }

    /** Students per school on {@code date} summed from its counts (the path of a date the cube does not hold). */
    private Map<String, Long> summedFromDeltas(LocalDate date, Collection<String> bins) {
        Map<String, Long> students = new HashMap<>();
        visit(date, Set.of(), bins, (bin, g, s, l, n) -> students.merge(bin, n, Long::sum));
        return students;
    }

    /**
     * {@code read} given each school's students on {@code date}: for today straight from the cube, under its lock (no
     * batch is applied while {@code read} runs: keep it short); for another date from the daily deltas of the schools
     * in {@code bins} (all when null). {@code read} must not return null.
     */
    public <T> T withStudents(LocalDate date, Collection<String> bins, Function<ToLongFunction<String>, T> read) {
        T today = ifToday(date, () -> read.apply(cube.today()::total));
        if (today != null) {
            return today;
        }
        Map<String, Long> students = summedFromDeltas(date, bins);
        return read.apply(bin -> students.getOrDefault(bin, 0L));
    }

    /** Students per school from today's cube (read under its lock), or null when it does not hold {@code date}. */
    private Map<String, Long> totalsIfToday(LocalDate date, Collection<String> bins) {
        return ifToday(date, () -> {
            SchoolCells counts = cube.today();
            Collection<String> schools = bins != null ? bins : counts.bins();
            Map<String, Long> totals = new HashMap<>(schools.size() * 4 / 3 + 1);
            for (String bin : schools) {
                long students = counts.total(bin);
                if (students != 0) {
                    totals.put(bin, students);
                }
            }
            return totals;
        });
    }

    /** {@code read} under the cube's lock if the cube holds {@code date}; null (nothing read) if it does not. */
    private <T> T ifToday(LocalDate date, java.util.function.Supplier<T> read) {
        try {
            return cube.consistently(() -> cube.holds(date) ? read.get() : null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
