package kz.nobd.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The suppression rules on tables small enough to check by hand. */
class SmallCellSuppressionTest {

    private static List<List<Object>> coordinates(Object[]... rows) {
        return Arrays.stream(rows).map(r -> Arrays.asList(r)).toList();
    }

    @Test
    void countsOneToFourAreSuppressedZeroAndFiveAreNot() {
        long[] counts = {0, 1, 4, 5, 100};
        boolean[] s = Suppression.apply(counts, coordinates(new Object[] {null, "a"}, new Object[] {null, "b"},
                new Object[] {null, "c"}, new Object[] {null, "d"}, new Object[] {null, "e"}), new int[] {1}, 4);
        // 1 and 4 are two suppressed cells in the line: no complement needed
        assertThat(s).containsExactly(false, true, true, false, false);
    }

    @Test
    void aSingleSuppressedCellInALineTakesTheSmallestOtherWithIt() {
        long[] counts = {3, 50, 7, 9};
        boolean[] s = Suppression.apply(counts, coordinates(new Object[] {null, "a"}, new Object[] {null, "b"},
                new Object[] {null, "c"}, new Object[] {null, "d"}), new int[] {1}, 4);
        assertThat(s).containsExactly(true, false, true, false);
    }

    @Test
    void complementsCascadeAcrossBothAxesOfATable() {
        // districts D1..D3 by sex, as in SuppressionTest: D1 (6, 3), D2 (10, 12), D3 (20, 25)
        long[] counts = {6, 3, 10, 12, 20, 25};
        List<List<Object>> cells = coordinates(new Object[] {"59", "D1", "M"}, new Object[] {"59", "D1", "F"},
                new Object[] {"59", "D2", "M"}, new Object[] {"59", "D2", "F"}, new Object[] {"59", "D3", "M"},
                new Object[] {"59", "D3", "F"});
        boolean[] s = Suppression.apply(counts, cells, new int[] {1, 2}, 4);
        assertThat(s).containsExactly(true, true, true, true, false, false);
    }

    @Test
    void unitsOfDifferentParentsAreSeparateLines() {
        long[] counts = {2, 40, 30, 50};
        List<List<Object>> cells = coordinates(new Object[] {"11", "D1"}, new Object[] {"11", "D2"},
                new Object[] {"15", "D3"}, new Object[] {"15", "D4"});
        assertThat(Suppression.apply(counts, cells, new int[] {1}, 4)).containsExactly(true, true, false, false);
    }

    @Test
    void theThresholdIsConfigurable() {
        long[] counts = {9, 10, 11};
        assertThat(Suppression.apply(counts, coordinates(new Object[] {null, "a"}, new Object[] {null, "b"},
                new Object[] {null, "c"}), new int[] {1}, 9)).containsExactly(true, true, false);
    }
}
