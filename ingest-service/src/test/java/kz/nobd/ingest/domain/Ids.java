package kz.nobd.ingest.domain;

import kz.nobd.contracts.Checksum12;

/** Synthetic identifiers with valid check digits, so no test uses a real person's IIN or a real school's BIN. */
final class Ids {
    private Ids() {
    }

    /** An IIN from a birth date YYMMDD, the century/sex digit (5 boy, 6 girl born 2000-2099) and a serial. */
    static String iin(String yymmdd, char centuryAndSex, int serial) {
        return withCheckDigit(yymmdd + centuryAndSex, serial);
    }

    /** A resident head-office BIN registered in May 2021. */
    static String bin(int serial) {
        return withCheckDigit("210540", serial);
    }

    /** The same 12 digits with the check digit off by one. */
    static String withWrongCheckDigit(String twelve) {
        return twelve.substring(0, 11) + ((twelve.charAt(11) - '0' + 1) % 10);
    }

    private static String withCheckDigit(String prefix, int serial) {
        for (int s = serial; ; s++) {
            String first11 = prefix + String.format("%0" + (11 - prefix.length()) + "d", s);
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }
}
