package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The two CSV profiles every export is written in. */
class CsvFormatTest {
    private static final List<String> COLUMNS = List.of("bin", "nameKk", "oblastKato", "share", "count", "note");
    private static final List<Object> ROW = Arrays.asList("010540000010", "Мектеп, №1; \"Ақ\"", "100000000",
            new BigDecimal("0.1250"), 42L, "=cmd|' /C calc'!A0");

    @Test
    void rfc4180IsCommaSeparatedWithFieldNamesAndNoByteOrderMark() throws IOException {
        assertThat(written(CsvFormat.rfc4180(), List.of(ROW))).isEqualTo("bin,nameKk,oblastKato,share,count,note\r\n"
                + "010540000010,\"Мектеп, №1; \"\"Ақ\"\"\",100000000,0.1250,42,'=cmd|' /C calc'!A0\r\n");
    }

    @Test
    void excelHasBomSemicolonsLabelsTextIdentifiersAndDecimalCommas() throws IOException {
        CsvFormat excel = CsvFormat.excel("test-labels", Locale.forLanguageTag("kk"));

        assertThat(written(excel, List.of(ROW))).isEqualTo("\uFEFFБСН;Атауы;oblastKato;share;count;note\r\n"
                + "\"=\"\"010540000010\"\"\";\"Мектеп, №1; \"\"Ақ\"\"\";\"=\"\"100000000\"\"\";0,1250;42;'=cmd|' /C calc'!A0\r\n");
        assertThat(excel.labels("bin")).isTrue();
        assertThat(excel.labels("oblastKato")).as("no label: the field name is the header").isFalse();
    }

    @Test
    void anIdentifierColumnHoldingMoreThanDigitsIsTextNeutralisedNotAFormula() throws IOException {
        CsvFormat excel = CsvFormat.excel("test-labels", Locale.forLanguageTag("kk"));
        List<Object> row = Arrays.asList("=1+1", null, "-5", null, null, null);

        String line = written(excel, List.of(row)).split("\r\n")[1];

        assertThat(line).isEqualTo("'=1+1;;'-5;;;");
    }

    private static String written(CsvFormat format, List<List<Object>> rows) throws IOException {
        StringWriter out = new StringWriter();
        format.write(out, COLUMNS, rows);
        return out.toString();
    }
}
