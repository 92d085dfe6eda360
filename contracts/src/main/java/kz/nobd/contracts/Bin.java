package kz.nobd.contracts;

/**
 * Business identification number of a legal entity: digits 1-4 YYMM of registration, digit 5 the entity type
 * (4 resident, 5 non-resident, 6 individual entrepreneur), digit 6 the division (0 head office, 1 branch,
 * 2 representative office, 3 peasant farm), a serial and a check digit. Can only be built valid.
 */
public record Bin(String value) {

    public Bin {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidIdentifierException(problem);
        }
    }

    public static Bin parse(String value) {
        return new Bin(value);
    }

    public static boolean isValid(String value) {
        return problemWith(value) == null;
    }

    /** What is wrong with {@code value} as a BIN, or null when it is valid. */
    public static String problemWith(String value) {
        if (!Digits.exactly(value, 12)) {
            return "BIN must be exactly 12 digits, was '" + abbreviate(value) + "'";
        }
        int month = Integer.parseInt(value.substring(2, 4));
        if (month < 1 || month > 12) {
            return "BIN digits 3-4 are the registration month and must be 01..12, were " + value.substring(2, 4);
        }
        char type = value.charAt(4);
        if (type < '4' || type > '6') {
            return "BIN digit 5 is the entity type and must be 4, 5 or 6, was " + type;
        }
        char division = value.charAt(5);
        if (division < '0' || division > '3') {
            return "BIN digit 6 is the division and must be 0..3, was " + division;
        }
        if (!Checksum12.isValid(value)) {
            return "BIN " + value + " has a wrong check digit";
        }
        return null;
    }

    static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
