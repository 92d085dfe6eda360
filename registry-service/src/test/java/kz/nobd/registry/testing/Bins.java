package kz.nobd.registry.testing;

import java.util.concurrent.ThreadLocalRandom;

import kz.nobd.contracts.Checksum12;

/** Fresh synthetic BINs with a valid check digit, so tests never collide with each other or with seed data. */
public final class Bins {
    private Bins() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String first11 = String.format("%02d%02d40%05d", random.nextInt(0, 25), random.nextInt(1, 13),
                    random.nextInt(0, 100_000));
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }

    /** The same BIN with a wrong check digit. */
    public static String withWrongCheckDigit(String bin) {
        int digit = bin.charAt(11) - '0';
        return bin.substring(0, 11) + ((digit + 1) % 10);
    }
}
