package kz.nobd.contracts;

/**
 * A 9-digit code of Kazakhstan's administrative-territorial classifier. The first two digits name the oblast or
 * city of republican significance. Whether a code exists is a question for the classifier, not for this type.
 */
public record Kato(String value) {

    public Kato {
        if (!Digits.exactly(value, 9)) {
            throw new InvalidIdentifierException(
                    "KATO must be exactly 9 digits, was '" + Bin.abbreviate(value) + "'");
        }
    }

    public static Kato parse(String value) {
        return new Kato(value);
    }

    /** The two digits naming the oblast or city of republican significance. */
    public String oblastPrefix() {
        return value.substring(0, 2);
    }

    /** The oblast-level code, e.g. 110000000 for anything in Akmola. */
    public Kato oblast() {
        return new Kato(oblastPrefix() + "0000000");
    }

    public boolean isOblastLevel() {
        return value.endsWith("0000000");
    }

    public boolean sameOblastAs(Kato other) {
        return oblastPrefix().equals(other.oblastPrefix());
    }

    @Override
    public String toString() {
        return value;
    }
}
