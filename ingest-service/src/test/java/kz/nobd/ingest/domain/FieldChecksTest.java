package kz.nobd.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written shape checks say exactly what the regular expressions they replaced said. */
class FieldChecksTest {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,9}");

    @Test
    void uuidTextAsTheRegexSaid() {
        for (String text : List.of("3f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b13", "3F2B8C1E-0D4A-4B7E-9C61-2A5F0E9D7B13",
                "3f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b1", "3f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b134",
                "3f2b8c1e0d4a-4b7e-9c61-2a5f0e9d7b13-", "3f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b1g",
                "3f2b8c1e-0d4a-4b7e-9c61_2a5f0e9d7b13", "３f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b13",
                "٣f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b13", "", "------------------------------------")) {
            assertThat(FieldChecks.isUuidText(text)).as(text).isEqualTo(UUID_TEXT.matcher(text).matches());
        }
    }

    @Test
    void wholeNumbersAsTheRegexSaid() {
        for (String text : List.of("0", "7", "-3", "+12", "123456789", "1234567890", "+", "-", "", "1.5", "1e3",
                " 1", "1 ", "٣", "--1", "+-1", "0012")) {
            assertThat(FieldChecks.isWholeNumber(text)).as(text).isEqualTo(WHOLE_NUMBER.matcher(text).matches());
        }
    }
}
