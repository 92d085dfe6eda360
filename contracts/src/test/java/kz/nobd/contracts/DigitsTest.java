package kz.nobd.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "123456789012|12|true", "000000000000|12|true", "12345678901|12|false", "1234567890123|12|false",
        "12345678901a|12|false", "１２３４５６７８９０１２|12|false", "' 23456789012'|12|false", "NULL|12|false",
        "''|0|true", "2013|4|true", "20l3|4|false", "110000000|9|true"})
    void sameAnswerAsTheRegex(String value, int length, boolean expected) {
        assertThat(Digits.exactly(value, length)).isEqualTo(expected);
        if (value != null) {
            assertThat(value.matches("\\d{" + length + "}")).as("the regex it replaces").isEqualTo(expected);
        }
    }
}
