package kz.nobd.report.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;

/**
 * The counts of each school on a date, one school at a time in BIN order: in-memory counts per school (today's cube
 * or a month checkpoint, or none) plus or minus the delta rows of a range of days, which arrive grouped by school in
 * BIN order (a database cursor). Holds one school's cells, never the whole country's.
 */
final class BinOrderMerge implements CountVisitor {
    private final SchoolCells base;
    private final int sign;
    private final List<String> order;
    private final CellProjection projection;
    private final SchoolCounts out;
    private final long[] cells = new long[Cell.COUNT];
    private int next;
    private String current;

    /**
     * @param base counts per school, or null
     * @param sign 1 to add the visited delta sums to the base, -1 to subtract them
     * @param bins the schools to visit (all of the base and of the rows when null)
     */
    BinOrderMerge(SchoolCells base, int sign, Collection<String> bins, Set<Dimension> dims, SchoolCounts out) {
        this.base = base;
        this.sign = sign;
        this.projection = CellProjection.of(dims);
        this.out = out;
        if (bins != null) {
            List<String> sorted = new ArrayList<>(bins);
            sorted.sort(null); // one pass when they come in BIN order, as Units places them
            this.order = sorted;
        } else {
            this.order = base != null ? base.bins() : List.of();
        }
    }

    /** A delta sum of a school (rows of one school together, schools in BIN order). */
    @Override
    public void count(String schoolBin, int grade, int sex, int language, long students) {
        if (!schoolBin.equals(current)) {
            finish();
            emitBefore(schoolBin);
            start(schoolBin);
        }
        cells[Cell.ofVisited(grade, sex, language)] += sign * students;
    }

    /** After the last row: the remaining schools. */
    void done() {
        finish();
        emitBefore(null);
    }

    private void start(String bin) {
        current = bin;
        Arrays.fill(cells, 0);
        if (base != null) {
            base.addTo(bin, projection, cells);
        }
        if (next < order.size() && order.get(next).equals(bin)) {
            next++;
        }
    }

    private void finish() {
        if (current != null) {
            out.school(current, cells);
            current = null;
        }
    }

    /** The schools of the order before {@code bin} (all when null), which have no delta rows. */
    private void emitBefore(String bin) {
        while (next < order.size() && (bin == null || order.get(next).compareTo(bin) < 0)) {
            start(order.get(next));
            finish();
        }
    }
}
