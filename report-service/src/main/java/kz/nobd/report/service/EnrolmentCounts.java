package kz.nobd.report.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.report.domain.Dimension;

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
            store.countOn(date, dims, bins, visitor);
        } catch (SQLException e) {
            throw new kz.nobd.support.DependencyUnavailableException("the database did not answer; retry later", e);
        }
    }

    /** Students per school on {@code date}. */
    public Map<String, Long> perSchool(LocalDate date, Collection<String> bins) {
        Map<String, Long> students = new HashMap<>();
        visit(date, Set.of(), bins, (bin, g, s, l, n) -> students.merge(bin, n, Long::sum));
        return students;
    }
}
