import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import kz.nobd.contracts.Checksum12;

/**
 * The national data set of the report-service benchmark, produced straight onto the topics as registry-service
 * and ingest-service would publish it.
 *
 *   load CLIENT_PROPERTIES INSTITUTIONS_CSV KATO_CSV STUDENTS SEED OUT_BINS
 *       cards of every institution of INSTITUTIONS_CSV (GenerateInstitutions' output; fresh BINs) on
 *       registry.institutions.v1, STUDENTS enrolment spells spread over the general-education schools on
 *       facts.enrolment.v1 (this school year; a few opened late or closed), one or two equipment reports per school
 *       on facts.equipment.v1. Prints the number of students enrolled today; writes the BINs to OUT_BINS.
 *   steady CLIENT_PROPERTIES BINS RATE SECONDS
 *       RATE facts a second for SECONDS: new spells and the closing of spells it opened itself.
 *   probe CLIENT_PROPERTIES BINS REPORT_URL TOKEN N
 *       N times: publishes one new spell at a school and polls its SCHOOL rollup until the student shows; prints
 *       each publication-to-visibility time.
 * CLIENT_PROPERTIES: bootstrap servers and login of a user that may write the registry and fact topics
 * (.cache/dev/kafka/clients/admin.properties).
 */
public class GenerateReportFacts {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final LocalDate YEAR = LocalDate.of(2025, 9, 1);
    static final String[] LANGUAGES = {"KK", "KK", "KK", "RU", "RU", "EN"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]),
                    Long.parseLong(args[5]), Path.of(args[6]));
            case "steady" -> steady(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "probe" -> probe(args[1], Path.of(args[2]), args[3], args[4], Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("load | steady | probe");
        }
    }

    static KafkaProducer<String, String> producer(String clientProperties) throws java.io.IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of(clientProperties))) {
            p.load(in);
        }
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    static void load(String clientProperties, Path institutions, Path katoCsv, int students, long seed, Path outBins)
            throws Exception {
        Random random = new Random(seed);
        Map<String, String> levels = new HashMap<>();
        for (String line : Files.readAllLines(katoCsv, StandardCharsets.UTF_8).subList(1, 15_595)) {
            String[] c = line.split(",", -1);
            levels.put(c[0], c[2]);
        }
        List<String> lines = Files.readAllLines(institutions, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(csv(line));
        }
        List<String> schools = new ArrayList<>();
        long today = 0;
        LocalDate now = LocalDate.now(ALMATY);
        try (KafkaProducer<String, String> kafka = producer(clientProperties)) {
            for (String[] r : rows) { // bin,nameKk,nameRu,type,ownership,kato,locality,languages,capacity,openedOn
                String bin = bin(random);
                String kato = r[5];
                String district = levels.containsKey(kato.substring(0, 4) + "00000")
                        && levels.get(kato.substring(0, 4) + "00000").equals("district") ? kato.substring(0, 4) + "00000"
                        : levels.containsKey(kato.substring(0, 6) + "000") ? kato.substring(0, 6) + "000" : kato;
                kafka.send(new ProducerRecord<>("registry.institutions.v1", bin, String.format(
                        "{\"bin\":\"%s\",\"nameKk\":%s,\"nameRu\":%s,\"type\":\"%s\",\"ownership\":\"%s\",\"kato\":\"%s\","
                                + "\"oblastKato\":\"%s0000000\",\"districtKato\":\"%s\",\"locality\":\"%s\",\"languages\":[\"KK\"],"
                                + "\"status\":\"OPEN\",\"openedOn\":\"2000-09-01\",\"version\":1,\"validFrom\":\"2000-09-01\","
                                + "\"updatedAt\":\"%s\"}", bin, json(r[1]), json(r[2]), r[3], r[4], kato, kato.substring(0, 2),
                        district, r[6], Instant.now())));
                schools.add(bin);
            }
            Files.write(outBins, schools);
            // students per school: urban schools larger; a random share around the mean
            double[] weight = new double[schools.size()];
            double sum = 0;
            for (int i = 0; i < weight.length; i++) {
                weight[i] = (rows.get(i)[6].equals("URBAN") ? 3.0 : 1.0) * (0.5 + random.nextDouble());
                sum += weight[i];
            }
            int produced = 0;
            for (int i = 0; i < schools.size(); i++) {
                int n = i == schools.size() - 1 ? students - produced : (int) Math.round(students * weight[i] / sum);
                for (int k = 0; k < n; k++) {
                    LocalDate from = random.nextInt(20) == 0 ? YEAR.plusDays(random.nextInt(60)) : YEAR;
                    LocalDate to = random.nextInt(20) == 0 ? from.plusDays(1 + random.nextInt(200)) : null;
                    if (!from.isAfter(now) && (to == null || to.isAfter(now))) {
                        today++;
                    }
                    UUID id = UUID.randomUUID();
                    kafka.send(new ProducerRecord<>("facts.enrolment.v1", id.toString(), spell(id, schools.get(i),
                            random.nextInt(12), random.nextBoolean() ? "M" : "F", LANGUAGES[random.nextInt(6)], from, to)));
                }
                produced += n;
                for (int rep = 0; rep < 1 + random.nextInt(2); rep++) {
                    kafka.send(new ProducerRecord<>("facts.equipment.v1", schools.get(i),
                            report(schools.get(i), now.minusDays(random.nextInt(400)), random)));
                }
            }
            kafka.flush();
        }
        System.out.println(today);
    }

    static void steady(String clientProperties, Path bins, int rate, int seconds) throws Exception {
        List<String> schools = Files.readAllLines(bins);
        Random random = new Random();
        ArrayDeque<String[]> open = new ArrayDeque<>();
        LocalDate today = LocalDate.now(ALMATY);
        long start = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, String> kafka = producer(clientProperties)) {
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                for (; sent < due; sent++) {
                    if (open.size() > 1000 && random.nextBoolean()) {
                        String[] s = open.poll(); // closes a spell this producer opened
                        kafka.send(new ProducerRecord<>("facts.enrolment.v1", s[0], spell(UUID.fromString(s[0]), s[1],
                                3, "F", "KK", today, today.plusDays(1))));
                    } else {
                        UUID id = UUID.randomUUID();
                        String bin = schools.get(random.nextInt(schools.size()));
                        kafka.send(new ProducerRecord<>("facts.enrolment.v1", id.toString(), spell(id, bin, 3, "F", "KK",
                                today, null)));
                        open.add(new String[] {id.toString(), bin});
                    }
                }
                LockSupport.parkNanos(5_000_000); // the pacing tick of the steady rate
            }
        }
        System.err.printf("steady: %d facts in %d s%n", sent, seconds);
    }

    /** How long the probe waits for one fact before it gives up (the target is 5 s). */
    static final java.time.Duration VISIBLE_WITHIN = java.time.Duration.ofSeconds(60);

    static void probe(String clientProperties, Path bins, String url, String token, int n) throws Exception {
        String bin = Files.readAllLines(bins).get(0);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/rollups/enrolment?level=SCHOOL&bin=" + bin))
                .header("Authorization", "Bearer " + token).build();
        Pattern students = Pattern.compile("\"students\":(\\d+)");
        long[] millis = new long[n];
        try (KafkaProducer<String, String> kafka = producer(clientProperties)) {
            for (int i = 0; i < n; i++) {
                long before = count(http, request, students);
                UUID id = UUID.randomUUID();
                long t0 = System.nanoTime();
                kafka.send(new ProducerRecord<>("facts.enrolment.v1", id.toString(), spell(id, bin, 5, "M", "RU",
                        LocalDate.now(ALMATY), null))).get();
                long deadline = t0 + VISIBLE_WITHIN.toNanos();
                while (count(http, request, students) <= before) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("fact " + id + " not visible within " + VISIBLE_WITHIN);
                    }
                    LockSupport.parkNanos(20_000_000);
                }
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        Arrays.sort(millis);
        System.out.printf("visibility over %d probes: min %d ms, median %d ms, max %d ms%n", n, millis[0], millis[n / 2],
                millis[n - 1]);
    }

    static long count(HttpClient http, HttpRequest request, Pattern students) throws Exception {
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = students.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static String spell(UUID id, String bin, int grade, String sex, String language, LocalDate from, LocalDate to) {
        return String.format("{\"spellId\":\"%s\",\"schoolBin\":\"%s\",\"grade\":%d,\"sex\":\"%s\",\"birthYear\":2015,"
                + "\"language\":\"%s\",\"validFrom\":\"%s\",\"validTo\":%s,\"change\":\"%s\"}", id, bin, grade, sex, language,
                from, to == null ? "null" : "\"" + to + "\"", to == null ? "OPENED" : "CLOSED");
    }

    static String report(String bin, LocalDate asOf, Random random) {
        int desktops = random.nextInt(60), laptops = random.nextInt(40), tablets = random.nextInt(30);
        double mbps = new double[] {0, 1, 2, 4, 10, 20, 50, 100}[random.nextInt(8)];
        return String.format("{\"reportId\":\"%s\",\"schoolBin\":\"%s\",\"asOf\":\"%s\",\"devices\":["
                + "{\"kind\":\"DESKTOP\",\"total\":%d,\"forTeaching\":%d,\"needsReplacement\":%d},"
                + "{\"kind\":\"LAPTOP\",\"total\":%d,\"forTeaching\":%d,\"needsReplacement\":%d},"
                + "{\"kind\":\"TABLET\",\"total\":%d,\"forTeaching\":%d,\"needsReplacement\":%d}],"
                + "\"internet\":{\"connected\":%s,\"downloadMbps\":%s,\"technology\":\"%s\"},\"receivedAt\":\"%s\"}",
                UUID.randomUUID(), bin, asOf, desktops, desktops * 4 / 5, desktops / 4, laptops, laptops * 3 / 4,
                laptops / 5, tablets, tablets, tablets / 10, mbps > 0, mbps, mbps > 0 ? "FIBER" : "NONE", Instant.now());
    }

    static String bin(Random random) {
        while (true) {
            String first11 = String.format("%02d%02d40%05d", random.nextInt(0, 25), random.nextInt(1, 13),
                    random.nextInt(0, 100_000));
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }

    static String[] csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields.toArray(new String[0]);
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
