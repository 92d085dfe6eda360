package kz.nobd.report.domain;

import java.util.Collection;

/**
 * A breakdown on some of grade, sex and language: which cell a school's cell is summed into (the first value of each
 * dimension not asked for), and what a summed cell's row shows (-1 for a dimension not asked for).
 */
public record CellProjection(boolean byGrade, boolean bySex, boolean byLanguage) {
    public static CellProjection of(Collection<Dimension> dims) {
        return new CellProjection(dims.contains(Dimension.GRADE), dims.contains(Dimension.SEX),
                dims.contains(Dimension.LANGUAGE));
    }

    /** The cell that cell {@code i} is summed into. */
    public int target(int i) {
        return Cell.index(byGrade ? Cell.grade(i) : 0, bySex ? Cell.sex(i) : 0, byLanguage ? Cell.language(i) : 0);
    }

    public int grade(int i) {
        return byGrade ? Cell.grade(i) : -1;
    }

    public int sex(int i) {
        return bySex ? Cell.sex(i) : -1;
    }

    public int language(int i) {
        return byLanguage ? Cell.language(i) : -1;
    }
}
