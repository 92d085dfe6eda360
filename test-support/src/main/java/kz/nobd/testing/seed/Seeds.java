package kz.nobd.testing.seed;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic randomness and identifiers of the demo activity: everything is derived from the seed and names
 * (a school's BIN, a student's key, a year), never from the order in which other things were made, so one school's
 * data stays the same when the registry holds more schools, and a rerun sends the same ids (ingest deduplicates
 * them).
 */
final class Seeds {
    private Seeds() {
    }

    /** A random source for {@code parts} under {@code seed}. */
    static Random random(long seed, Object... parts) {
        UUID id = id(seed, parts);
        return new Random(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
    }

    /** A name-based (version 3) UUID of {@code parts} under {@code seed}. */
    static UUID id(long seed, Object... parts) {
        StringBuilder name = new StringBuilder("nobd-demo-activity|").append(seed);
        for (Object part : parts) {
            name.append('|').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A uniform fraction of the interval [from, to). */
    static double between(Random random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** True with probability {@code p}. */
    static boolean chance(Random random, double p) {
        return random.nextDouble() < p;
    }
}
