package kz.nobd.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BinTest {

    /** The 279 public vectors from shared/data (python-stdnum PR 322, valery1707/kaz-person-id). */
    static Stream<Arguments> vectors() throws Exception {
        try (var in = BinTest.class.getResourceAsStream("/bin_test_vectors.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Arguments> rows = reader.lines().skip(1)
                    .map(line -> line.split(",", 3))
                    .map(cols -> Arguments.of(cols[0], cols[1]))
                    .toList();
            assertThat(rows).hasSize(279);
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("vectors")
    void everyPublicVectorGetsItsExpectedVerdict(String bin, String expected) {
        assertThat(Bin.isValid(bin)).as(Bin.problemWith(bin) == null ? "valid" : Bin.problemWith(bin))
                .isEqualTo(expected.equals("valid"));
    }

    @Test
    void messagesSayWhatIsWrongAndWhatIsAllowed() {
        assertThat(Bin.problemWith("12345")).isEqualTo("BIN must be exactly 12 digits, was '12345'");
        assertThat(Bin.problemWith("949940000385")).contains("must be 01..12, were 99");
        assertThat(Bin.problemWith("940190000385")).contains("must be 4, 5 or 6, was 9");
        assertThat(Bin.problemWith("940149000385")).contains("must be 0..3, was 9");
        assertThat(Bin.problemWith("940140000380")).isEqualTo("BIN 940140000380 has a wrong check digit");
        assertThatThrownBy(() -> Bin.parse(null)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void secondWeightPassDecidesWhenTheFirstGivesTen() {
        String bin = "011140001654"; // a public vector that needs the second pass
        int firstPass = 0;
        for (int i = 0; i < 11; i++) {
            firstPass += (bin.charAt(i) - '0') * (i + 1);
        }
        assertThat(firstPass % 11).isEqualTo(10);
        assertThat(Checksum12.checkDigit(bin.substring(0, 11))).isEqualTo(4);
        assertThat(Bin.isValid(bin)).isTrue();
        assertThat(Bin.isValid("011140001655")).isFalse();
    }
}
