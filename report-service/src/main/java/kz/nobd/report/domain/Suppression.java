package kz.nobd.report.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression of one table for callers who may not see exact small counts. Primary: every count from 1
 * to {@code max} is suppressed. Complementary: along every summable axis of the table (the unit within its parent
 * unit, and each breakdown dimension), a line whose other coordinates are equal is a set of cells whose total can
 * be read elsewhere (a coarser rollup); if exactly one cell of such a line is suppressed, the smallest other
 * non-zero cell of the line is suppressed too, repeated until no line has a single suppressed cell. Zero cells are
 * not shown at all and reveal nothing.
 */
public final class Suppression {
    private Suppression() {
    }

    /**
     * @param counts the cells' counts
     * @param coordinates per cell, its coordinates (same length for all cells)
     * @param axes the positions in the coordinates that sum up to a total elsewhere; the other positions (a parent
     *        unit) stay fixed in every line
     * @param max the largest count that is suppressed
     * @return per cell, whether it is suppressed
     */
    public static boolean[] apply(long[] counts, List<List<Object>> coordinates, int[] axes, int max) {
        boolean[] suppressed = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            suppressed[i] = counts[i] >= 1 && counts[i] <= max;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int axis : axes) {
                for (List<Integer> line : lines(coordinates, axis)) {
                    changed |= protect(line, counts, suppressed);
                }
            }
        }
        return suppressed;
    }

    private static Iterable<List<Integer>> lines(List<List<Object>> coordinates, int axis) {
        Map<List<Object>, List<Integer>> lines = new HashMap<>();
        for (int i = 0; i < coordinates.size(); i++) {
            List<Object> key = new ArrayList<>(coordinates.get(i));
            key.remove(axis);
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return lines.values();
    }

    /** Suppresses a second cell of {@code line} if exactly one is suppressed; whether it did. */
    private static boolean protect(List<Integer> line, long[] counts, boolean[] suppressed) {
        int hidden = 0;
        int candidate = -1;
        for (int i : line) {
            if (suppressed[i]) {
                hidden++;
            } else if (counts[i] > 0 && (candidate < 0 || counts[i] < counts[candidate])) {
                candidate = i;
            }
        }
        if (hidden == 1 && candidate >= 0) {
            suppressed[candidate] = true;
            return true;
        }
        return false;
    }
}
