package kz.nobd.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IinTest {

    /** A synthetic IIN: a date, a century/sex digit and serial, and the computed check digit. */
    static String synthetic(String yymmdd, char centuryAndSex, String serial4) {
        String first11 = yymmdd + centuryAndSex + serial4;
        int digit = Checksum12.checkDigit(first11);
        if (digit < 0) {
            return synthetic(yymmdd, centuryAndSex, String.format("%04d", Integer.parseInt(serial4) + 1));
        }
        return first11 + digit;
    }

    @Test
    void derivesBirthDateAndSex() {
        Iin girl = Iin.parse(synthetic("150301", '6', "0042"));
        assertThat(girl.birthDate()).isEqualTo(LocalDate.of(2015, 3, 1));
        assertThat(girl.sex()).isEqualTo('F');
        Iin man = Iin.parse(synthetic("991231", '3', "0007"));
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(man.sex()).isEqualTo('M');
    }

    @Test
    void rejectsWithoutEchoingTheNumber() {
        String good = synthetic("150301", '5', "1234");
        String badCheck = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        assertThat(Iin.problemWith(badCheck)).doesNotContain(badCheck).contains("wrong check digit");
        assertThat(Iin.problemWith("151301" + good.substring(6))).contains("real birth date");
        assertThat(Iin.problemWith("150301" + "7" + good.substring(7))).contains("must be 1..6");
        assertThat(Iin.problemWith("15030")).isEqualTo("IIN must be exactly 12 digits");
        assertThatThrownBy(() -> Iin.parse(badCheck)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void printsMasked() {
        String raw = synthetic("100101", '5', "0001");
        assertThat(Iin.parse(raw).toString()).isEqualTo("********" + raw.substring(8));
    }
}
