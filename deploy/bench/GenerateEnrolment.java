import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import kz.nobd.contracts.Checksum12;

/**
 * Produces N synthetic ENROLLED events to ingest.enrolment.v1 as an outside producer would (raw IIN, any key):
 * one per student, synthetic IINs with a valid check digit (birth years matching the grade, never one stored by an
 * earlier run: {@link YearIins}), schools drawn from a file of seeded BINs (spread like schools_by_region.csv),
 * grades (from the index) and languages in plausible shares. All N events
 * are built before the first is sent (about 300 MB of heap a million).
 * Usage: java -cp 'KAFKA_LIBS/*:contracts/target/classes' deploy/bench/GenerateEnrolment.java CLIENT_PROPERTIES N BINS_FILE SEED
 *   (CLIENT_PROPERTIES: bootstrap servers and login, .cache/dev/kafka/clients/school-systems.properties)
 */
public class GenerateEnrolment {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        List<String> bins = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        Random random = new Random(Long.parseLong(args[3]));
        // students of earlier runs are not generated again (their IINs come from the index)
        int firstIndex = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        // events per second, 0 = as fast as the producer goes
        int rate = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Path.of(args[0]))) {
            props.load(in);
        }
        props.put("acks", "all");
        props.put("linger.ms", "20");
        props.put("batch.size", String.valueOf(512 * 1024));
        props.put("compression.type", "lz4");
        // every event is built before the first send: building them (IINs, JSON) is the schools' systems' work, on
        // their own machines; what shares this machine with ingest-service is the producer alone
        byte[][] keys = new byte[n][];
        byte[][] values = new byte[n][];
        YearIins[] iins = new YearIins[13];
        for (int grade = 0; grade < iins.length; grade++) {
            iins[grade] = new YearIins(birthYear(grade), firstRank(grade, firstIndex));
        }
        for (int i = 0; i < n; i++) {
            int grade = grade((firstIndex + i) % 100);
            String iin = iins[grade].next();
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String event = "{\"eventId\":\"" + id + "\",\"type\":\"ENROLLED\",\"studentIin\":\"" + iin
                    + "\",\"schoolBin\":\"" + bins.get(random.nextInt(bins.size())) + "\",\"grade\":" + grade
                    + ",\"language\":\"" + language(random) + "\",\"occurredOn\":\"2026-09-01\","
                    + "\"schoolYear\":\"2026-2027\"}";
            keys[i] = id.getBytes(StandardCharsets.UTF_8);
            values[i] = event.getBytes(StandardCharsets.UTF_8);
        }
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>("ingest.enrolment.v1", keys[i], values[i]));
                keys[i] = null;
                values[i] = null;
                if (i % 10_000 == 9_999) {
                    System.out.println("sent " + (i + 1)); // progress for the lag measurement
                }
                if (rate > 0 && i % 100 == 99) {
                    long due = start + (long) ((i + 1) * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait); // pacing the producer, not waiting for an outcome
                    }
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("produced %d events in %.1f s (%.0f events/s)%n", n, seconds, n / seconds);
    }

    /**
     * The grade of an index's last two digits {@code r}: grade 0 (pre-school class) 5 of each 100, 1..11 about even
     * (grades 1-6 nine, 7-11 eight), grade 12 one.
     */
    static int grade(int r) {
        return r < 5 ? 0 : r < 99 ? 1 + (r - 5) % 11 : 12;
    }

    /** How many indexes below {@code index} have {@code grade}: the rank of the next index of that grade. */
    static long firstRank(int grade, int index) {
        long rank = 0;
        for (int r = 0; r < 100; r++) {
            if (grade(r) == grade) {
                rank += index / 100 + (r < index % 100 ? 1 : 0);
            }
        }
        return rank;
    }

    /** The birth year of a grade's students (the pre-school class is a year younger than grade 1). */
    static int birthYear(int grade) {
        return 2026 - 7 - grade + (grade == 0 ? 1 : 0);
    }

    static String language(Random random) {
        int r = random.nextInt(100);
        return r < 68 ? "KK" : r < 96 ? "RU" : r < 99 ? "UZ" : "EN";
    }

    /**
     * The synthetic IINs of one birth year in a fixed order, those with a possible check digit only: position p gives
     * the birth day (336 a year) and a serial of 0000-4999 (the national benchmark's students have serials 5000-9999:
     * the two never meet), and the sex digit (5 or 6, spread evenly) tells p from p + 1,680,000, which shares its
     * day and serial. The k-th student of a grade ever generated (its rank, from the index) gets the k-th IIN of the
     * grade's year, so runs on one instance, each starting at the number of events stored, bring new students until a
     * year's 3.3 million IINs are used up (about 37 million events: grades 1-6 take 9 of each 100 indexes); then the
     * year starts again from its first IIN, and the generator says so.
     */
    static final class YearIins {
        private static final int POSITIONS = 3_360_000;
        private final int year;
        private int position = -1;

        YearIins(int year, long rank) {
            this.year = year;
            for (long k = 0; k < rank; k++) {
                next();
            }
        }

        String next() {
            while (true) {
                position++;
                if (position == POSITIONS) {
                    position = 0;
                    System.err.printf("the synthetic IINs of %d are used up: they start again, and meet students of "
                            + "earlier runs%n", year);
                }
                String iin = iin(year, position);
                if (iin != null) {
                    return iin;
                }
            }
        }

        /** The IIN at {@code position} of {@code year}, or null when its check digit is impossible. */
        static String iin(int year, int position) {
            int day = (position / 5_000) % 336;
            int sex = 5 + ((position / 1_680_000) + Integer.bitCount(position % 1_680_000)) % 2;
            int serial = position % 5_000;
            char[] digits = new char[11];
            put(digits, 0, year % 100, 2);
            put(digits, 2, 1 + day / 28, 2);
            put(digits, 4, 1 + day % 28, 2);
            put(digits, 6, sex, 1);
            put(digits, 7, serial, 4);
            String first11 = new String(digits);
            int check = Checksum12.checkDigit(first11);
            return check < 0 ? null : first11 + check;
        }

        private static void put(char[] digits, int at, int value, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                digits[i] = (char) ('0' + value % 10);
                value /= 10;
            }
        }
    }
}
