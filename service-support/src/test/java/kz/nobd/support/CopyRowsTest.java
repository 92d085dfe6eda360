package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The text COPY reads: tab-separated columns, one line per row, the format's escapes, {@code \N} for null. */
class CopyRowsTest {

    @Test
    void valuesAreWrittenAsTextAndNullAsBackslashN() {
        CopyRows rows = new CopyRows("t (a, b, c, d, e)");
        rows.add("011040000123").add(null).add(LocalDate.of(2005, 9, 1)).add(Instant.parse("2026-12-03T07:13:40.805587Z"))
                .add(640).endRow();
        rows.add("x").add("y").add(null).add(null).add(Short.valueOf((short) 2)).endRow();

        assertThat(rows.text()).isEqualTo("011040000123\t\\N\t2005-09-01\t2026-12-03T07:13:40.805587Z\t640\n"
                + "x\ty\t\\N\t\\N\t2\n");
        assertThat(rows.size()).isEqualTo(2);
    }

    @Test
    void theFormatsSpecialCharactersAreEscapedAndOthersKept() {
        CopyRows rows = new CopyRows("t (a)");
        rows.add("C:\\temp\t\\N\r\n\"№1\", ул. Абая").endRow();

        assertThat(rows.text()).isEqualTo("C:\\\\temp\\t\\\\N\\r\\n\"№1\", ул. Абая\n");
    }

    @Test
    void bytesAreWrittenAsByteaHex() {
        CopyRows rows = new CopyRows("t (a)");
        rows.add(new byte[] {0x00, (byte) 0xab, 0x7f}).endRow();

        assertThat(rows.text()).isEqualTo("\\\\x00ab7f\n");
    }
}
