package kz.nobd.report.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 fields, and no text cell that a spreadsheet would run as a formula (names come from the registry). */
class CsvWriterTest {
    @Test
    void textThatWouldStartAFormulaGetsALeadingApostrophe() {
        assertThat(CsvWriter.field("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvWriter.field("@SUM(1+1)*cmd|' /C calc'!A0")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(CsvWriter.field("-1, \"x\"")).isEqualTo("\"'-1, \"\"x\"\"\"");
    }

    @Test
    void numbersAndOrdinaryTextAreWrittenAsTheyAre() {
        assertThat(CsvWriter.field(-3L)).isEqualTo("-3");
        assertThat(CsvWriter.field(0.25)).isEqualTo("0.25");
        assertThat(CsvWriter.field("Абай облысы")).isEqualTo("Абай облысы");
        assertThat(CsvWriter.field(null)).isEmpty();
    }
}
