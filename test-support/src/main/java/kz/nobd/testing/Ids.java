package kz.nobd.testing;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.nobd.contracts.Checksum12;

/**
 * Fresh synthetic identifiers with valid check digits: random BINs, IINs of children born 2012-2019 and event
 * ids, so tests never collide with each other, with earlier runs (the test database is kept) or with real data.
 */
public final class Ids {
    private Ids() {
    }

    /** A resident entity's BIN (digit 5 = "4", any division 0-3) registered in a random month of any year. */
    public static String bin() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            // any year, month, division and serial of a resident entity: about 430 million valid BINs, so that a
            // "never registered" BIN does not meet one stored by an earlier test run of a long-lived test database
            String first11 = String.format("%02d%02d4%d%05d", random.nextInt(0, 100), random.nextInt(1, 13),
                    random.nextInt(0, 4), random.nextInt(0, 100_000));
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }

    /** The IIN of a boy born on a random day of 2012-2019. */
    public static String boy() {
        return iin('5');
    }

    /** The IIN of a girl born on a random day of 2012-2019. */
    public static String girl() {
        return iin('6');
    }

    /** An IIN whose birth date is {@code born}, century/sex digit 5 (boy) or 6 (girl), any valid serial. */
    public static String iin(LocalDate born, char centuryAndSex) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String date = String.format("%02d%02d%02d", born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth());
        while (true) {
            String first11 = date + centuryAndSex + String.format("%04d", random.nextInt(0, 10_000));
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }

    /** The same 12 digits with a wrong check digit. */
    public static String withWrongCheckDigit(String twelve) {
        return twelve.substring(0, 11) + ((twelve.charAt(11) - '0' + 1) % 10);
    }

    public static String masked(String iin) {
        return "********" + iin.substring(8);
    }

    public static String eventId() {
        return UUID.randomUUID().toString();
    }

    private static String iin(char centuryAndSex) {
        LocalDate born = LocalDate.of(2012, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 8 * 365));
        return iin(born, centuryAndSex);
    }
}
