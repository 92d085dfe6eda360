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
 * one per student, synthetic IINs with a valid check digit (birth years matching the grade), schools drawn from
 * a file of seeded BINs (spread like schools_by_region.csv), grades and languages in plausible shares. All N events
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
        for (int i = 0; i < n; i++) {
            int grade = grade(random);
            String iin = iin(2026 - 7 - grade + (grade == 0 ? 1 : 0), firstIndex + i);
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

    /** Grade 0 (pre-school class) is smaller; 1..11 about even; grade 12 rare. */
    static int grade(Random random) {
        int r = random.nextInt(100);
        return r < 5 ? 0 : r < 99 ? 1 + (r - 5) % 11 : 12;
    }

    static String language(Random random) {
        int r = random.nextInt(100);
        return r < 68 ? "KK" : r < 96 ? "RU" : r < 99 ? "UZ" : "EN";
    }

    /**
     * A synthetic IIN, unique among 3,360,000 consecutive indexes: the birth day (336 a year) and a serial of
     * 0000-4999 come from the index (the national benchmark's students have serials 5000-9999: the two never meet),
     * and the sex digit (5 or 6, spread evenly) tells an index from the one 1,680,000 further, which shares its day
     * and serial. The birth year follows the grade; when the check digit is impossible the year before is
     * taken, never the other sex digit, so two indexes never meet.
     */
    static String iin(int year, int index) {
        int day = (index / 5_000) % 336;
        int sex = 5 + ((index / 1_680_000) + Integer.bitCount(index % 1_680_000)) % 2;
        for (int y = year; ; y--) {
            String first11 = String.format("%02d%02d%02d%d%04d", y % 100, 1 + day / 28, 1 + day % 28, sex,
                    index % 5_000);
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }
}
