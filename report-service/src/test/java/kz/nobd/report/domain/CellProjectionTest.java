package kz.nobd.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class CellProjectionTest {
    private static final int GRADE_5_F_RU = Cell.index(5, 1, 2);

    @Test
    void keepsOnlyTheDimensionsAskedFor() {
        CellProjection byGrade = CellProjection.of(EnumSet.of(Dimension.GRADE, Dimension.LOCALITY));

        assertThat(byGrade.target(GRADE_5_F_RU)).isEqualTo(Cell.index(5, 0, 0));
        assertThat(byGrade.grade(GRADE_5_F_RU)).isEqualTo(5);
        assertThat(byGrade.sex(GRADE_5_F_RU)).isEqualTo(-1);
        assertThat(byGrade.language(GRADE_5_F_RU)).isEqualTo(-1);
    }

    @Test
    void everyCellIsItselfWhenAllAreAskedForAndOneCellWhenNone() {
        CellProjection all = CellProjection.of(EnumSet.of(Dimension.GRADE, Dimension.SEX, Dimension.LANGUAGE));
        CellProjection none = CellProjection.of(EnumSet.noneOf(Dimension.class));
        for (int i = 0; i < Cell.COUNT; i++) {
            assertThat(all.target(i)).isEqualTo(i);
            assertThat(none.target(i)).isZero();
            assertThat(Cell.ofVisited(all.grade(i), all.sex(i), all.language(i))).isEqualTo(i);
            assertThat(Cell.ofVisited(none.grade(i), none.sex(i), none.language(i))).isZero();
        }
    }
}
