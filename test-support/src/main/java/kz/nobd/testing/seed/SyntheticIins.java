package kz.nobd.testing.seed;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import kz.nobd.contracts.Checksum12;

/**
 * Synthetic IINs of children born in this century, unique within one demo activity: the birth date as YYMMDD, the
 * century-and-sex digit (5 a boy, 6 a girl), a serial drawn at random (the next free one when taken or when no
 * check digit exists for it) and a valid check digit. No real person's IIN is used: the numbers are made up, and
 * only their shape is a real IIN's.
 */
final class SyntheticIins {
    private final Set<String> issued = new HashSet<>();
    private final int firstSerial;

    SyntheticIins() {
        this(0);
    }

    /**
     * Serials from {@code firstSerial} to 9999 only: the national benchmark's students leave serials 0000-4999 to the
     * benchmarks' generator of new students (deploy/bench/GenerateEnrolment.java), so the two never meet.
     */
    SyntheticIins(int firstSerial) {
        this.firstSerial = firstSerial;
    }

    String next(Random random, LocalDate born, boolean boy) {
        if (born.getYear() < 2000 || born.getYear() > 2099) {
            throw new IllegalArgumentException("children of the demo activity are born 2000..2099, not " + born);
        }
        String prefix = String.format("%02d%02d%02d%c", born.getYear() % 100, born.getMonthValue(),
                born.getDayOfMonth(), boy ? '5' : '6');
        int serials = 10_000 - firstSerial;
        int first = random.nextInt(serials);
        for (int i = 0; i < serials; i++) {
            String first11 = prefix + String.format("%04d", firstSerial + (first + i) % serials);
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0 && issued.add(first11 + digit)) {
                return first11 + digit;
            }
        }
        throw new IllegalStateException("every serial of birth date " + born + " is taken");
    }

    /**
     * A birth date of a child starting {@code grade} in the school year that begins in {@code year}: 5 + grade or
     * 6 + grade years old on 1 September (grade 0, the pre-school class, at 5 or 6; grade 1 at 6 or 7).
     */
    static LocalDate birthDate(Random random, int year, int grade) {
        LocalDate from = LocalDate.of(year - 7 - grade, 9, 2);
        return from.plusDays(random.nextInt(730));
    }
}
