package kz.nobd.report.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.DeltaKey;
import kz.nobd.report.domain.Dimension;

/**
 * The students of one date (today) per school and (grade, sex, language) cell, in memory: the fast path of every
 * rollup of the current date. Built from enrolment_delta, then kept current by the fact consumer, which applies
 * each committed batch's net deltas of days up to the cube's date. Rebuilt by the consumer when the date changes.
 * Only the consumer thread writes; queries read under the read lock.
 * <p>
 * It also keeps the counts of the first day of each of the last {@code nobd.report.checkpoint-months} months
 * (checkpoints, in the sparse form of {@link SchoolCells}), maintained the same way: a past date is then its month's
 * checkpoint plus the deltas of at most a month, never the sum of every delta since the first school year.
 */
@ApplicationScoped
public class EnrolmentCube {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private SchoolCells schools = SchoolCells.dense();
    private volatile LocalDate date;
    private volatile NavigableMap<LocalDate, SchoolCells> checkpoints = new TreeMap<>();
    /** Today's counts per group of schools: built by a reader (one at a time), kept current by the writer. */
    private volatile DistrictSums districtSums;
    private final Object districtSumsBuild = new Object();

    @Inject
    EnrolmentStore store;
    @Inject
    ReportConfig config;

    /** Whether the cube holds the counts of {@code day}. */
    public boolean holds(LocalDate day) {
        return day.equals(date);
    }

    public LocalDate date() {
        return date;
    }

    /**
     * Loads the counts of {@code day} from the database (consumer thread, between batches: nothing is committed
     * meanwhile): its month's checkpoint plus the deltas after it. The checkpoints are built at start-up and when a
     * new month begins (the oldest sums every delta up to it; each later one is the one before plus a month of
     * deltas); on another day of the same month the ones kept current so far are reused.
     */
    public void rebuild(LocalDate day) throws SQLException {
        LocalDate first = day.withDayOfMonth(1).minusMonths(Math.max(config.checkpointMonths(), 1) - 1L);
        NavigableMap<LocalDate, SchoolCells> months = checkpoints;
        if (months.isEmpty() || !months.firstKey().equals(first) || !months.lastKey().equals(day.withDayOfMonth(1))) {
            months = checkpointsFrom(first, day);
        }
        SchoolCells loaded = months.lastEntry().getValue().denseCopy();
        if (!months.lastKey().equals(day)) {
            store.sum(months.lastKey(), day, ALL, null, adder(loaded));
        }
        lock.writeLock().lock();
        try {
            schools = loaded;
            checkpoints = config.checkpointMonths() > 0 ? months : new TreeMap<>();
            date = day;
            districtSums = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Kept sparse; built with one dense working copy (a month's deltas are added to it, then it is copied). */
    private NavigableMap<LocalDate, SchoolCells> checkpointsFrom(LocalDate first, LocalDate day)
            throws SQLException {
        NavigableMap<LocalDate, SchoolCells> months = new TreeMap<>();
        SchoolCells counts = SchoolCells.dense();
        store.countOn(first, ALL, null, adder(counts));
        months.put(first, counts.sparseCopy());
        for (LocalDate month = first.plusMonths(1); !month.isAfter(day); month = month.plusMonths(1)) {
            store.sum(month.minusMonths(1), month, ALL, null, adder(counts));
            months.put(month, counts.sparseCopy());
        }
        return months;
    }

    private static final Set<Dimension> ALL = EnumSet.of(Dimension.GRADE, Dimension.SEX, Dimension.LANGUAGE);

    private static CountVisitor adder(SchoolCells counts) {
        return (bin, grade, sex, language, students) -> counts.add(bin, Cell.index(grade, sex, language),
                (int) students);
    }

    /**
     * The latest checkpoint on or before {@code day}, or null if {@code day} is older than every checkpoint (inside
     * {@link #consistently} to read its counts).
     */
    public LocalDate checkpointOnOrBefore(LocalDate day) {
        return checkpoints.floorKey(day);
    }

    /**
     * The counts of checkpoint {@code month} per school: the cube's own, to be read inside {@link #consistently} only
     * and never changed.
     */
    SchoolCells checkpoint(LocalDate month) {
        return checkpoints.get(month);
    }

    /** Today's counts per school: the cube's own, to be read inside {@link #consistently} only. */
    SchoolCells today() {
        return schools;
    }

    /**
     * Today's counts per group of the schools {@code placement} holds (the placement of today), to be read inside
     * {@link #consistently} only: built on first use and again after the placement changed, then kept current with
     * every committed batch.
     */
    DistrictSums districtSums(SchoolDirectory.Placement placement) {
        synchronized (districtSumsBuild) { // readers share the read lock: one builds, the others wait for it
            DistrictSums sums = districtSums;
            if (sums == null || !sums.sums(date, placement)) {
                sums = DistrictSums.of(date, placement, schools);
                districtSums = sums;
            }
            return sums;
        }
    }

    /**
     * Commits the consumer's transaction and adds its net deltas (those of days after the cube's date do not count
     * yet) in one critical section, so that a reader holding the read lock sees the database and the cube at the
     * same point.
     */
    public void commitAndApply(Connection c, Map<DeltaKey, Integer> deltas) throws SQLException {
        lock.writeLock().lock();
        try {
            c.commit();
            store.counted(deltas);
            if (date == null) {
                return;
            }
            // the checkpoints on or after each day, looked up once per day of the batch (not per delta)
            Map<LocalDate, List<SchoolCells>> later = new HashMap<>();
            DistrictSums sums = districtSums;
            deltas.forEach((key, delta) -> {
                if (!key.day().isAfter(date)) {
                    schools.add(key.schoolBin(), key.cell(), delta);
                    if (sums != null) {
                        sums.add(key.schoolBin(), key.cell(), delta);
                    }
                }
                for (SchoolCells month : later.computeIfAbsent(key.day(),
                        day -> List.copyOf(checkpoints.tailMap(day, true).values()))) {
                    month.add(key.schoolBin(), key.cell(), delta);
                }
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code read} with the cube and the database held at the same point (no batch commits meanwhile). */
    public <T> T consistently(java.util.concurrent.Callable<T> read) throws Exception {
        lock.readLock().lock();
        try {
            return read.call();
        } finally {
            lock.readLock().unlock();
        }
    }
}
