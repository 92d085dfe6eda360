package kz.nobd.report.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.DeltaKey;
import kz.nobd.report.domain.Dimension;

/**
 * The students of one date (today) per school and (grade, sex, language) cell, in memory: the fast path of every
 * rollup of the current date. Built from enrolment_delta, then kept current by the fact consumer, which applies
 * each committed batch's net deltas of days up to the cube's date. Rebuilt by the consumer when the date changes.
 * Only the consumer thread writes; queries read under the read lock.
 */
@ApplicationScoped
public class EnrolmentCube {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Map<String, int[]> schools = new HashMap<>();
    private volatile LocalDate date;

    @Inject
    EnrolmentStore store;

    /** Whether the cube holds the counts of {@code day}. */
    public boolean holds(LocalDate day) {
        return day.equals(date);
    }

    public LocalDate date() {
        return date;
    }

    /** Loads the counts of {@code day} from the database (consumer thread, between batches). */
    public void rebuild(LocalDate day) throws SQLException {
        Map<String, int[]> loaded = new HashMap<>();
        store.countOn(day, EnumSet.of(Dimension.GRADE, Dimension.SEX, Dimension.LANGUAGE), null,
                (bin, grade, sex, language, students) -> loaded.computeIfAbsent(bin, b -> new int[Cell.COUNT])[Cell
                        .index(grade, sex, language)] += (int) students);
        lock.writeLock().lock();
        try {
            schools = loaded;
            date = day;
        } finally {
            lock.writeLock().unlock();
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
            deltas.forEach((key, delta) -> {
                if (!key.day().isAfter(date)) {
                    schools.computeIfAbsent(key.schoolBin(), b -> new int[Cell.COUNT])[key.cell()] += delta;
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

    /** The counts of {@code bins} (all when null) projected on {@code dims}: per school, 156 cells (0 where not broken down). */
    public Map<String, long[]> projection(Set<Dimension> dims, java.util.Collection<String> bins) {
        Map<String, long[]> projected = new HashMap<>();
        visit(dims, bins == null ? b -> true : new java.util.HashSet<>(bins)::contains,
                (bin, grade, sex, language, students) -> projected.computeIfAbsent(bin, b -> new long[Cell.COUNT])[Cell
                        .index(Math.max(grade, 0), Math.max(sex, 0), Math.max(language, 0))] += students);
        return projected;
    }

    /**
     * Adds every school's 156 counts into the array of its group ({@code groupOf} gives a school's group, or -1 to
     * leave it out); false, adding nothing, if the cube does not hold {@code day}.
     */
    public boolean addByGroup(LocalDate day, java.util.function.ToLongFunction<String> groupOf, Map<Long, long[]> groups) {
        lock.readLock().lock();
        try {
            if (!day.equals(date)) {
                return false;
            }
            for (Map.Entry<String, int[]> school : schools.entrySet()) {
                long group = groupOf.applyAsLong(school.getKey());
                if (group < 0) {
                    continue;
                }
                long[] sums = groups.computeIfAbsent(group, g -> new long[Cell.COUNT]);
                int[] counts = school.getValue();
                for (int i = 0; i < Cell.COUNT; i++) {
                    sums[i] += counts[i];
                }
            }
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Visits the non-zero counts of the schools {@code wanted} accepts, broken down by the spell dimensions. */
    public void visit(Set<Dimension> dims, Predicate<String> wanted, CountVisitor visitor) {
        boolean byGrade = dims.contains(Dimension.GRADE), bySex = dims.contains(Dimension.SEX),
                byLanguage = dims.contains(Dimension.LANGUAGE);
        int[] sums = new int[Cell.COUNT];
        lock.readLock().lock();
        try {
            for (Map.Entry<String, int[]> school : schools.entrySet()) {
                if (!wanted.test(school.getKey())) {
                    continue;
                }
                java.util.Arrays.fill(sums, 0);
                int[] counts = school.getValue();
                for (int i = 0; i < Cell.COUNT; i++) {
                    if (counts[i] != 0) {
                        sums[Cell.index(byGrade ? Cell.grade(i) : 0, bySex ? Cell.sex(i) : 0,
                                byLanguage ? Cell.language(i) : 0)] += counts[i];
                    }
                }
                for (int i = 0; i < Cell.COUNT; i++) {
                    if (sums[i] != 0) {
                        visitor.count(school.getKey(), byGrade ? Cell.grade(i) : -1, bySex ? Cell.sex(i) : -1,
                                byLanguage ? Cell.language(i) : -1, sums[i]);
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }
}
