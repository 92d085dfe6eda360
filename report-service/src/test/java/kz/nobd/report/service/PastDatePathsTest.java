package kz.nobd.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;

/**
 * A past date is counted back from today's cube (today's counts minus the deltas after it) or forward from its
 * month's checkpoint (the counts of the month's first day, kept up to date as facts arrive, plus the deltas up to
 * the date), whichever reads fewer rows; both must give the counts of the plain sum of every delta up to the date,
 * for every school and cell. All run while the cube's read lock holds the consumer off, so they see the same data.
 * The facts of this test arrive after the checkpoints were built: they check the checkpoints' upkeep too. Both visit
 * the schools one at a time in BIN order (what lets a SCHOOL-level rollup keep only its page).
 */
@QuarkusTest
class PastDatePathsTest {
    @Inject
    EnrolmentCounts counts;
    @Inject
    EnrolmentStore store;
    @Inject
    EnrolmentCube cube;

    @Test
    void everyPathGivesThePlainSum() throws Exception {
        Reports.awaitReady();
        FactProducer.schoolWithStudents("551000000", Reports.today().minusDays(2));
        LocalDate today = cube.date();
        for (LocalDate date : List.of(LocalDate.of(2024, 5, 1), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 15),
                LocalDate.of(2026, 6, 30), today.minusDays(3))) {
            for (Set<Dimension> dims : List.of(EnumSet.noneOf(Dimension.class),
                    EnumSet.of(Dimension.GRADE, Dimension.SEX, Dimension.LANGUAGE))) {
                cube.consistently(() -> {
                    Map<String, Long> forward = new TreeMap<>();
                    store.countOn(date, dims, null, (b, g, s, l, n) -> forward.put(b + g + s + l, n));
                    Map<String, Long> backward = new TreeMap<>();
                    counts.backFromToday(date, today, dims, null, inBinOrder(dims, backward));
                    assertThat(backward).as("%s by %s", date, dims).isEqualTo(forward);
                    Map<String, Long> fromMonth = new TreeMap<>();
                    counts.fromCheckpoint(date, dims, null, inBinOrder(dims, fromMonth));
                    assertThat(fromMonth).as("%s by %s from its month's checkpoint", date, dims).isEqualTo(forward);
                    if (!date.isBefore(LocalDate.of(2025, 9, 1))) {
                        assertThat(forward).as("the test database has students on %s", date).isNotEmpty();
                    }
                    return null;
                });
            }
        }
    }

    /** Puts the non-zero cells of each visited school into {@code into}, checking that schools come in BIN order. */
    private static SchoolCounts inBinOrder(Set<Dimension> dims, Map<String, Long> into) {
        CellProjection projection = CellProjection.of(dims);
        List<String> visited = new ArrayList<>();
        return (bin, cells) -> {
            if (!visited.isEmpty()) {
                assertThat(visited.get(visited.size() - 1)).as("the school visited before").isLessThan(bin);
            }
            visited.add(bin);
            for (int i = 0; i < Cell.COUNT; i++) {
                if (cells[i] != 0) {
                    into.put(bin + projection.grade(i) + projection.sex(i) + projection.language(i), cells[i]);
                }
            }
        };
    }
}
