package kz.nobd.contracts;

/**
 * The check digit shared by Kazakhstan's 12-digit BIN and IIN: weights 1..11 over digits 1..11, sum mod 11;
 * if that is 10, weights 3..11,1,2; if again 10 the number cannot be valid.
 */
public final class Checksum12 {
    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Checksum12() {
    }

    /** The check digit for the first 11 digits, or -1 when both passes give 10 (no valid number exists). */
    public static int checkDigit(String digits) {
        int first = weightedSum(digits, FIRST_WEIGHTS) % 11;
        if (first != 10) {
            return first;
        }
        int second = weightedSum(digits, SECOND_WEIGHTS) % 11;
        return second == 10 ? -1 : second;
    }

    /** True when {@code digits} is 12 ASCII digits whose last one is the right check digit. */
    public static boolean isValid(String digits) {
        if (!Digits.exactly(digits, 12)) {
            return false;
        }
        int expected = checkDigit(digits);
        return expected >= 0 && expected == digits.charAt(11) - '0';
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
