package kz.nobd.testing.seed;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import kz.nobd.contracts.events.EquipmentInputReport;
import kz.nobd.testing.Dates;

/**
 * The country's history for the national benchmark (deploy/bench/national.sh, docs/benchmarks.md): for every open
 * general-education school of the registry, three school years of enrolment (the demo activity's rules, with
 * {@code --transfer-rate} of the students transferring each year) and two equipment censuses, produced onto ingest's
 * input topics as the schools' systems would (raw IIN; the student's events keyed by IIN, so they reach ingest in
 * order; a school's reports keyed by its BIN). Made oblast by oblast (transfers stay inside a district) with one
 * set of synthetic IINs, so a student is one person across the country and the memory holds one oblast's events.
 * Prints per oblast and in total what it produced; it does not wait for ingest (the benchmark watches the topics).
 * <p>
 * Usage: NationalLoad --kafka CLIENT_PROPERTIES [--registry URL] [--keycloak URL] [--students N] [--seed N]
 * [--transfer-rate R] (the Kafka client library on the class path: the broker distribution's libs).
 */
public final class NationalLoad {
    private static final String ENROLMENT_TOPIC = "ingest.enrolment.v1";
    private static final String EQUIPMENT_TOPIC = "ingest.equipment.v1";

    private final KafkaProducer<String, String> producer;
    private long events;
    private long reports;

    private NationalLoad(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    /** Produces the history of {@code schools}, oblast by oblast. */
    private void load(List<School> schools, long seed, int studentsPerSchool, double transferRate, LocalDate today) {
        Map<String, List<School>> byOblast = schools.stream()
                .collect(Collectors.groupingBy(s -> s.districtKato().substring(0, 2), TreeMap::new, Collectors.toList()));
        SyntheticIins iins = new SyntheticIins(5_000);
        for (Map.Entry<String, List<School>> oblast : byOblast.entrySet()) {
            ActivityPlan plan = ActivityPlan.make(oblast.getValue(), seed, studentsPerSchool, today, transferRate, iins);
            for (EnrolmentEvent event : plan.events()) {
                send(ENROLMENT_TOPIC, event.studentIin(), event);
            }
            for (EquipmentInputReport report : plan.equipmentReports()) {
                send(EQUIPMENT_TOPIC, report.schoolBin(), report);
            }
            events += plan.events().size();
            reports += plan.equipmentReports().size();
            progress("oblast %s: %,d schools, %,d enrolment events, %,d equipment reports (total %,d / %,d)",
                    oblast.getKey(), oblast.getValue().size(), plan.events().size(), plan.equipmentReports().size(),
                    events, reports);
        }
        producer.flush();
    }

    private void send(String topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, ApiClient.JSON.writeValueAsString(value)), (meta, e) -> {
                if (e != null) {
                    progress("a record was not produced: %s", e);
                    System.exit(1);
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not written as JSON: " + value, e);
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println("national-load: " + String.format(Locale.ROOT, format, args));
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args, "NationalLoad", List.of("kafka", "registry", "keycloak",
                "user", "password", "students", "seed", "transfer-rate"));
        if (!options.containsKey("kafka")) {
            Options.fail("NationalLoad", "--kafka CLIENT_PROPERTIES is required");
        }
        Properties kafka = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(options.get("kafka")))) {
            kafka.load(in);
        }
        kafka.put("acks", "all");
        kafka.put("linger.ms", "20");
        kafka.put("batch.size", String.valueOf(512 * 1024));
        kafka.put("compression.type", "lz4");
        ApiClient api = new ApiClient(new PasswordGrant(options.getOrDefault("keycloak", "http://127.0.0.1:8180"),
                options.getOrDefault("user", "ministry"), options.getOrDefault("password", "demo")));
        List<School> schools = RegistrySchools.read(api,
                options.getOrDefault("registry", DemoActivity.Endpoints.local().registry()));
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka, new StringSerializer(),
                new StringSerializer())) {
            NationalLoad load = new NationalLoad(producer);
            load.load(schools, Long.parseLong(options.getOrDefault("seed", "11")),
                    Integer.parseInt(options.getOrDefault("students", "235")),
                    Double.parseDouble(options.getOrDefault("transfer-rate", "0.05")), Dates.today());
            System.out.printf(Locale.ROOT, "national-load: %d schools, %d enrolment events, %d equipment reports,"
                    + " produced in %.1f s%n", schools.size(), load.events, load.reports,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
