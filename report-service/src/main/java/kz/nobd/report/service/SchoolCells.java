package kz.nobd.report.service;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;

/**
 * Students per school and (grade, sex, language) cell, in one of two forms. <b>Dense</b>: an array of all 156 cells
 * per school and, after them, the school's total (today's counts: read by every rollup of the current date, the
 * total by every equipment answer). <b>Sparse</b>: only the cells a school has
 * ever counted, each an int of the cell (high 8 bits) and its count (low 24 bits, signed), sorted by cell: a school
 * teaches a few grades in one or two languages, so a month checkpoint takes about a quarter of the dense form's
 * memory (docs/report.md, "Memory"). Not thread-safe: the cube's lock guards it.
 */
final class SchoolCells {
    private static final int COUNT_BITS = 24;
    private static final int COUNT_MASK = (1 << COUNT_BITS) - 1;
    /** In the dense form, the index of a school's total, after its cells. */
    private static final int TOTAL = Cell.COUNT;

    private final Map<String, int[]> schools;
    private final boolean sparse;
    private List<String> sortedBins;

    private SchoolCells(Map<String, int[]> schools, boolean sparse) {
        this.schools = schools;
        this.sparse = sparse;
    }

    static SchoolCells dense() {
        return new SchoolCells(new HashMap<>(), false);
    }

    /** The schools with counts (some may have none left), in BIN order: kept until a school is added. */
    List<String> bins() {
        List<String> sorted = sortedBins;
        if (sorted == null) {
            String[] all = schools.keySet().toArray(new String[0]);
            Arrays.sort(all);
            sorted = sortedBins = List.of(all);
        }
        return sorted;
    }

    /** Adds {@code delta} students to a school's cell. */
    void add(String bin, int cell, int delta) {
        if (!sparse) {
            int[] counts = schools.get(bin);
            if (counts == null) {
                counts = new int[TOTAL + 1];
                schools.put(bin, counts);
                sortedBins = null;
            }
            counts[cell] += delta;
            counts[TOTAL] += delta;
            return;
        }
        int[] entries = schools.get(bin);
        int at = entries == null ? -1 : find(entries, cell);
        if (at >= 0) {
            entries[at] = entry(cell, count(entries[at]) + delta);
            return;
        }
        int insert = entries == null ? 0 : -at - 1;
        int[] grown = new int[entries == null ? 1 : entries.length + 1];
        if (entries != null) {
            System.arraycopy(entries, 0, grown, 0, insert);
            System.arraycopy(entries, insert, grown, insert + 1, entries.length - insert);
        }
        grown[insert] = entry(cell, delta);
        if (schools.put(bin, grown) == null) {
            sortedBins = null;
        }
    }

    /** Adds a school's counts, projected, to {@code cells} (nothing when the school has none). */
    void addTo(String bin, CellProjection projection, long[] cells) {
        int[] counts = schools.get(bin);
        if (counts == null) {
            return;
        }
        if (!sparse) {
            for (int i = 0; i < Cell.COUNT; i++) {
                cells[projection.target(i)] += counts[i];
            }
            return;
        }
        for (int e : counts) {
            cells[projection.target(cell(e))] += count(e);
        }
    }

    /** A school's students over all its cells (0 when it has none). */
    long total(String bin) {
        int[] counts = schools.get(bin);
        if (counts == null) {
            return 0;
        }
        if (!sparse) {
            return counts[TOTAL];
        }
        long total = 0;
        for (int e : counts) {
            total += count(e);
        }
        return total;
    }

    /** A copy in the sparse form. */
    SchoolCells sparseCopy() {
        Map<String, int[]> copy = new HashMap<>(schools.size() * 4 / 3 + 1);
        schools.forEach((bin, counts) -> copy.put(bin, sparse ? counts.clone() : toSparse(counts)));
        return new SchoolCells(copy, true);
    }

    /** A copy in the dense form. */
    SchoolCells denseCopy() {
        Map<String, int[]> copy = new HashMap<>(schools.size() * 4 / 3 + 1);
        schools.forEach((bin, counts) -> copy.put(bin, sparse ? toDense(counts) : counts.clone()));
        return new SchoolCells(copy, false);
    }

    private static int[] toSparse(int[] dense) {
        int[] entries = new int[Cell.COUNT];
        int n = 0;
        for (int i = 0; i < Cell.COUNT; i++) {
            if (dense[i] != 0) {
                entries[n++] = entry(i, dense[i]);
            }
        }
        return Arrays.copyOf(entries, n);
    }

    private static int[] toDense(int[] entries) {
        int[] dense = new int[TOTAL + 1];
        for (int e : entries) {
            dense[cell(e)] += count(e);
            dense[TOTAL] += count(e);
        }
        return dense;
    }

    /** The index of {@code cell} among the entries, or (-(insertion point) - 1). */
    private static int find(int[] entries, int cell) {
        int low = 0, high = entries.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = cell(entries[mid]);
            if (c < cell) {
                low = mid + 1;
            } else if (c > cell) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    private static int entry(int cell, int count) {
        if (count < -(1 << (COUNT_BITS - 1)) || count >= 1 << (COUNT_BITS - 1)) {
            throw new IllegalStateException("a school's cell count out of range: " + count);
        }
        return cell << COUNT_BITS | count & COUNT_MASK;
    }

    private static int cell(int entry) {
        return entry >>> COUNT_BITS;
    }

    private static int count(int entry) {
        return entry << (32 - COUNT_BITS) >> (32 - COUNT_BITS);
    }
}
