package kz.nobd.report.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import kz.nobd.report.domain.Cell;
import kz.nobd.report.domain.CellProjection;
import kz.nobd.report.domain.Dimension;

/** The sparse form of a checkpoint counts exactly what the dense form counts, in every projection. */
class SchoolCellsTest {
    private static final CellProjection ALL = CellProjection.of(EnumSet.of(Dimension.GRADE, Dimension.SEX,
            Dimension.LANGUAGE));

    @Test
    void sparseAndDenseAgreeAfterTheSameDeltasInAnyOrder() {
        SchoolCells dense = SchoolCells.dense();
        SchoolCells sparse = SchoolCells.dense().sparseCopy();
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String bin = "1000000000" + (10 + random.nextInt(40));
            int cell = random.nextInt(Cell.COUNT);
            int delta = random.nextInt(7) - 2;
            dense.add(bin, cell, delta);
            sparse.add(bin, cell, delta);
        }

        assertThat(sparse.bins()).isEqualTo(dense.bins());
        for (String bin : dense.bins()) {
            long sum = java.util.Arrays.stream(projected(dense, bin, ALL)).sum();
            assertThat(dense.total(bin)).as("total of %s", bin).isEqualTo(sum);
            assertThat(sparse.total(bin)).as("sparse total of %s", bin).isEqualTo(sum);
            assertThat(sparse.denseCopy().total(bin)).as("total of the dense copy of %s", bin).isEqualTo(sum);
            assertThat(dense.sparseCopy().denseCopy().total(bin)).as("total after both copies, %s", bin).isEqualTo(sum);
        }
        assertThat(dense.total("999999999999")).isZero();
        for (CellProjection projection : new CellProjection[] {ALL, CellProjection.of(EnumSet.of(Dimension.GRADE)),
            CellProjection.of(Set.of())}) {
            for (String bin : dense.bins()) {
                assertThat(projected(sparse, bin, projection)).isEqualTo(projected(dense, bin, projection));
            }
        }
    }

    @Test
    void binsComeInBinOrderAndIncludeASchoolAddedAfterTheyWereRead() {
        for (SchoolCells cells : new SchoolCells[] {SchoolCells.dense(), SchoolCells.dense().sparseCopy()}) {
            cells.add("300000000010", 1, 1);
            cells.add("100000000010", 1, 1);
            assertThat(cells.bins()).containsExactly("100000000010", "300000000010");

            cells.add("200000000010", 2, 5);
            cells.add("100000000010", 3, 1); // a school already there: the order stays
            assertThat(cells.bins()).containsExactly("100000000010", "200000000010", "300000000010");
            assertThat(cells.sparseCopy().bins()).isEqualTo(cells.bins());
        }
    }

    @Test
    void copiesAreIndependentAndConvertBothWays() {
        SchoolCells dense = SchoolCells.dense();
        dense.add("100000000010", Cell.index(5, 1, 2), 30);
        dense.add("100000000010", Cell.index(0, 0, 0), -4);
        SchoolCells sparse = dense.sparseCopy();
        SchoolCells back = sparse.denseCopy();

        sparse.add("100000000010", Cell.index(5, 1, 2), 1);
        back.add("100000000010", Cell.index(5, 1, 2), 2);

        assertThat(projected(dense, "100000000010", ALL)[Cell.index(5, 1, 2)]).isEqualTo(30);
        assertThat(projected(sparse, "100000000010", ALL)[Cell.index(5, 1, 2)]).isEqualTo(31);
        assertThat(projected(back, "100000000010", ALL)[Cell.index(5, 1, 2)]).isEqualTo(32);
        assertThat(projected(back, "100000000010", ALL)[Cell.index(0, 0, 0)]).isEqualTo(-4);
        assertThat(projected(sparse, "200000000010", ALL)).containsOnly(0L);
    }

    @Test
    void refusesACountItCannotHold() {
        SchoolCells sparse = SchoolCells.dense().sparseCopy();
        sparse.add("100000000010", 155, 8_388_607);
        assertThat(projected(sparse, "100000000010", ALL)[155]).isEqualTo(8_388_607L);

        assertThatThrownBy(() -> sparse.add("100000000010", 155, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of range");
    }

    private static long[] projected(SchoolCells counts, String bin, CellProjection projection) {
        long[] cells = new long[Cell.COUNT];
        counts.addTo(bin, projection, cells);
        return cells;
    }
}
