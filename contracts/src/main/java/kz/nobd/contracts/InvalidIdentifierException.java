package kz.nobd.contracts;

/** A BIN, IIN or KATO code that is not well formed; the message says what is wrong and what is allowed. */
public class InvalidIdentifierException extends IllegalArgumentException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
