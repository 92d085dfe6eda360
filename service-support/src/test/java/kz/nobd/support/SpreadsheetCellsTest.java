package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe; every other cell is left as it is. */
class SpreadsheetCellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+7 701 000 00 00", "-2+3",
            "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x\",\"y\")"})
    void formulaStartsAreNeutralised(String cell) {
        assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Мектеп №2", "210540000010", "2025-09-01", "school=1", "a@b.kz", "", "'quoted"})
    void otherCellsAreUnchanged(String cell) {
        assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo(cell);
    }
}
