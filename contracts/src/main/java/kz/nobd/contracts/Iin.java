package kz.nobd.contracts;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Individual identification number: digits 1-6 the birth date YYMMDD, digit 7 the century and sex (1/2 = 19th
 * century, 3/4 = 20th, 5/6 = 21st; odd male, even female), a serial and a check digit. Can only be built valid.
 * {@link #toString()} is masked so that a raw IIN never reaches a log line by accident.
 */
public record Iin(String value) {

    public Iin {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidIdentifierException(problem);
        }
    }

    public static Iin parse(String value) {
        return new Iin(value);
    }

    /** What is wrong with {@code value} as an IIN (never echoing the digits), or null when it is valid. */
    public static String problemWith(String value) {
        if (!Digits.exactly(value, 12)) {
            return "IIN must be exactly 12 digits";
        }
        char centuryAndSex = value.charAt(6);
        if (centuryAndSex < '1' || centuryAndSex > '6') {
            return "IIN digit 7 (century and sex) must be 1..6, was " + centuryAndSex;
        }
        try {
            birthDateOf(value);
        } catch (DateTimeException e) {
            return "IIN digits 1-6 must be a real birth date YYMMDD";
        }
        if (!Checksum12.isValid(value)) {
            return "IIN " + mask(value) + " has a wrong check digit";
        }
        return null;
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public char sex() {
        return (value.charAt(6) - '0') % 2 == 1 ? 'M' : 'F';
    }

    public String masked() {
        return mask(value);
    }

    /** {@code ********1234}: only the last four characters are kept. */
    public static String mask(String raw) {
        if (raw == null || raw.length() <= 4) {
            return "****";
        }
        return "*".repeat(raw.length() - 4) + raw.substring(raw.length() - 4);
    }

    private static LocalDate birthDateOf(String value) {
        int century = 1800 + ((value.charAt(6) - '1') / 2) * 100;
        int year = century + Integer.parseInt(value.substring(0, 2));
        return LocalDate.of(year, Integer.parseInt(value.substring(2, 4)), Integer.parseInt(value.substring(4, 6)));
    }

    @Override
    public String toString() {
        return masked();
    }
}
