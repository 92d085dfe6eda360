package kz.nobd.ingest.store;

import java.util.UUID;

/**
 * Ids of new spells: time-ordered UUIDs (version 7 of RFC 9562: the first 48 bits are the Unix time in
 * milliseconds, the other 74 bits random). report-service keys its spells by this id; ids that grow with time land at
 * the right edge of its index instead of anywhere in it (16 million spells at national scale: the random version 4
 * ids cost a descent through cold pages for every new spell). The id tells when ingest made it, nothing about the
 * student; its 74 random bits come from {@link UUID#randomUUID()} (a strong generator, as before), so ids made in
 * the same millisecond, by one replica of ingest or several, differ as random ids did.
 */
final class SpellIds {
    private SpellIds() {
    }

    static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** The id made at {@code epochMillis}: that time, version 7, and 74 random bits (the variant kept as RFC 4122). */
    static UUID at(long epochMillis) {
        UUID random = UUID.randomUUID();
        long msb = epochMillis << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
        return new UUID(msb, random.getLeastSignificantBits());
    }
}
