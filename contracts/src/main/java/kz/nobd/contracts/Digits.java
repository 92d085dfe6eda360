package kz.nobd.contracts;

/** Fixed-length runs of ASCII digits (what {@code value.matches("\\d{n}")} checks, without compiling a pattern per call). */
public final class Digits {
    private Digits() {
    }

    /** True when {@code value} is exactly {@code length} characters, each of them 0 to 9. */
    public static boolean exactly(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
