import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import kz.nobd.contracts.Checksum12;

/**
 * Traffic of the fault suite (deploy/faults/run). Three modes, each writing what it did to files the suite recounts:
 * <pre>
 * (BOOTSTRAP: host:port, or a Kafka client properties file with the bootstrap servers and a login)
 * produce BOOTSTRAP OUT_CSV SUMMARY N BINS FIRST_INDEX RATE POISON SEED
 *     N valid ENROLLED events of new students on ingest.enrolment.v1 (an outside producer: raw IIN, any key), and with
 *     POISON > 0 that many poison records spread between them on both input topics (not JSON, over 1 MB, wrong
 *     types, ...) plus valid equipment reports as their neighbours on ingest.equipment.v1. Every acknowledged record
 *     is one CSV line: kind,topic,partition,offset,eventId,expect (expect valid|poison).
 * rest INGEST_URL KEYCLOAK_URL OUT_CSV SUMMARY THREADS BATCH SECONDS BINS FIRST_INDEX
 *     THREADS submitters POST batches of BATCH new ENROLLED events with a real token (user ministry, password grant)
 *     for SECONDS; a batch answered 503 or not answered is sent again, same event ids, as a client must; a 401 fetches
 *     a new token. Every event of a batch answered 202 is one CSV line (topic "rest").
 * read URLS KEYCLOAK_URL SUMMARY THREADS SECONDS PATH
 *     THREADS readers GET PATH (each {pastDate} in it a random day of the last year, new for every request) from
 *     the comma-separated base URLs in turn; a refused or cut connection fails over to
 *     the next URL, and so does a 503 while another URL is left to try (what a load balancer does for a GET, routing
 *     only to ready replicas); such answers are counted apart (failed_over.*). 503 answers must carry Retry-After.
 * delete-groups BOOTSTRAP GROUP...
 *     deletes consumer groups (h: a rebuild reads from offset 0), retrying for 90 s while a group still has members.
 * </pre>
 * Summaries are "key value" lines: counts per HTTP status (status.503), the slowest answer per status (maxms.503),
 * connection failures, and for produce/rest the next free student index.
 */
public class Traffic {
    static final String ENROLMENT = "ingest.enrolment.v1";
    static final String EQUIPMENT = "ingest.equipment.v1";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "produce" -> produce(args);
            case "rest" -> rest(args);
            case "read" -> read(args);
            case "delete-groups" -> deleteGroups(args);
            default -> throw new IllegalArgumentException("mode produce|rest|read, was " + args[0]);
        }
    }

    // ------------------------------------------------------------------------------------------------ produce

    static void produce(String[] a) throws Exception {
        String bootstrap = a[1];
        Path out = Path.of(a[2]);
        Path summary = Path.of(a[3]);
        int n = Integer.parseInt(a[4]);
        List<String> bins = bins(a[5]);
        int firstIndex = Integer.parseInt(a[6]);
        int rate = Integer.parseInt(a[7]);
        int poison = Integer.parseInt(a[8]);
        Random random = new Random(Long.parseLong(a[9]));
        Properties props = kafka(bootstrap);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("linger.ms", "20");
        props.put("batch.size", String.valueOf(512 * 1024));
        props.put("compression.type", "lz4");
        // a broker outage of minutes is waited out, not turned into lost sends
        props.put("delivery.timeout.ms", "900000");
        props.put("request.timeout.ms", "30000");
        props.put("max.block.ms", "900000");
        // the oversized poison record is 1.2 MB before compression (it compresses to a few KB on the wire)
        props.put("max.request.size", String.valueOf(4 * 1024 * 1024));
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        int every = poison > 0 ? Math.max(1, n / (poison + 1)) : Integer.MAX_VALUE;
        int poisonSent = 0;
        SchoolYear year = SchoolYear.current();
        long start = System.nanoTime();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                        new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                String event = enrolment(random, year, id, bins.get(random.nextInt(bins.size())), firstIndex + i);
                send(producer, csv, acked, failed, "enrolment", ENROLMENT, id, id, event.getBytes(StandardCharsets.UTF_8),
                        "valid");
                if (i % every == every - 1 && poisonSent < poison) {
                    Poison p = Poison.of(poisonSent++, random, bins.get(random.nextInt(bins.size())));
                    send(producer, csv, acked, failed, p.kind, p.topic, p.key, p.eventId, p.payload, "poison");
                    String reportId = new UUID(random.nextLong(), random.nextLong()).toString();
                    send(producer, csv, acked, failed, "equipment", EQUIPMENT, reportId, reportId,
                            equipment(random, reportId, bins.get(random.nextInt(bins.size()))).getBytes(StandardCharsets.UTF_8),
                            "valid");
                }
                if (rate > 0 && i % 100 == 99) {
                    long due = start + (long) ((i + 1) * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait); // pacing the producer
                    }
                }
                if (i % 50_000 == 49_999) {
                    System.out.println("sent " + (i + 1));
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("produced %d records (%d poison) in %.1f s, %d acknowledged, %d failed%n", n + 2 * poisonSent,
                poisonSent, seconds, acked.get(), failed.get());
        Files.writeString(summary, "acked " + acked.get() + "\nfailed " + failed.get() + "\nnext_index "
                + (firstIndex + n) + "\nseconds " + Math.round(seconds) + "\n");
    }

    static void send(KafkaProducer<String, byte[]> producer, PrintWriter csv, AtomicLong acked, AtomicLong failed,
            String kind, String topic, String key, String eventId, byte[] payload, String expect) {
        producer.send(new ProducerRecord<>(topic, key, payload), (meta, e) -> {
            if (e != null) {
                failed.incrementAndGet(); // not produced: the suite does not count it
                System.err.println("send failed: " + e);
                return;
            }
            acked.incrementAndGet();
            synchronized (csv) {
                csv.println(kind + "," + topic + "," + meta.partition() + "," + meta.offset() + ","
                        + (eventId == null ? "" : eventId) + "," + expect);
            }
        });
    }

    /** Records ingest must reject one by one (MALFORMED or a reason code) while their neighbours are accepted. */
    record Poison(String kind, String topic, String key, String eventId, byte[] payload) {
        static Poison of(int i, Random random, String bin) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String topic = i % 5 == 4 ? EQUIPMENT : ENROLMENT;
            String kind = topic.equals(EQUIPMENT) ? "equipment" : "enrolment";
            String text = switch (i % 10) {
                case 0 -> "this is not JSON {\"eventId\": ";
                case 1 -> "{\"eventId\":\"" + id + "\",\"type\":\"ENROLLED\",\"studentIin\":123456789012,\"schoolBin\":true,"
                        + "\"grade\":\"five\",\"language\":[\"KK\"],\"occurredOn\":20260901,\"schoolYear\":null}";
                case 2 -> "{\"eventId\":\"" + id + "\",\"type\":\"ENROLLED\",\"note\":\"" + "x".repeat(1_200_000) + "\"}";
                case 3 -> "[1,2,3]";
                case 4 -> "{\"reportId\":\"" + id + "\",\"schoolBin\":\"" + bin + "\",\"asOf\":\"yesterday\",\"devices\":\"many\"}";
                case 5 -> "";
                case 6 -> "{\"eventId\":\"" + id + "\",\"type\":\"TELEPORTED\",\"studentIin\":\"000000000000\"}";
                case 7 -> "null";
                case 8 -> "\u0000\u0001\u0002 binary \u00ff\u00fe";
                default -> "{\"reportId\":\"" + id + "\",\"schoolBin\":\"" + bin + "\",\"asOf\":\"2020-01-01\",\"devices\":[{\"kind\":"
                        + "\"DESKTOP\",\"total\":-5,\"forTeaching\":\"all\",\"needsReplacement\":1}],\"internet\":42}";
            };
            // ids of poison records are recorded only where they are valid UUIDs in the payload (the suite matches
            // a rejection by topic, partition and offset anyway)
            boolean carriesId = text.contains(id);
            return new Poison(kind, topic, i % 3 == 0 ? null : "poison-" + i, carriesId ? id : null,
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String enrolment(Random random, SchoolYear year, String id, String bin, int index) {
        int grade = grade(random);
        String iin = iin(year.start - 7 - grade + (grade == 0 ? 1 : 0), index);
        return "{\"eventId\":\"" + id + "\",\"type\":\"ENROLLED\",\"studentIin\":\"" + iin + "\",\"schoolBin\":\"" + bin
                + "\",\"grade\":" + grade + ",\"language\":\"" + language(random) + "\",\"occurredOn\":\""
                + year.start + "-09-01\",\"schoolYear\":\"" + year.start + "-" + (year.start + 1) + "\"}";
    }

    static String equipment(Random random, String id, String bin) {
        int desktops = 5 + random.nextInt(40);
        int laptops = random.nextInt(30);
        return "{\"reportId\":\"" + id + "\",\"schoolBin\":\"" + bin + "\",\"asOf\":\"" + LocalDate.now().minusDays(1)
                + "\",\"devices\":[{\"kind\":\"DESKTOP\",\"total\":" + desktops + ",\"forTeaching\":" + (desktops - 2)
                + ",\"needsReplacement\":1},{\"kind\":\"LAPTOP\",\"total\":" + laptops + ",\"forTeaching\":" + laptops
                + ",\"needsReplacement\":0}],\"internet\":{\"connected\":true,\"downloadMbps\":" + (2 + random.nextInt(100))
                + ",\"technology\":\"FIBER\"}}";
    }

    record SchoolYear(int start) {
        static SchoolYear current() {
            LocalDate today = LocalDate.now();
            return new SchoolYear(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1);
        }
    }

    // ------------------------------------------------------------------------------------------------ rest

    static void rest(String[] a) throws Exception {
        String ingest = a[1];
        Tokens tokens = new Tokens(a[2]);
        Path out = Path.of(a[3]);
        Path summary = Path.of(a[4]);
        int threads = Integer.parseInt(a[5]);
        int batch = Integer.parseInt(a[6]);
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(a[7])).toNanos();
        List<String> bins = bins(a[8]);
        AtomicInteger nextIndex = new AtomicInteger(Integer.parseInt(a[9]));
        // a batch not yet answered 202 when the time is up is still sent for up to 5 minutes (a client retries)
        long giveUp = until + Duration.ofMinutes(5).toNanos();
        Stats stats = new Stats();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        SchoolYear year = SchoolYear.current();
        AtomicLong unconfirmed = new AtomicLong();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(t * 31L + System.nanoTime());
                Thread worker = new Thread(() -> {
                    while (System.nanoTime() < until) {
                        List<String> ids = new ArrayList<>();
                        StringBuilder body = new StringBuilder("[");
                        for (int i = 0; i < batch; i++) {
                            String id = new UUID(random.nextLong(), random.nextLong()).toString();
                            ids.add(id);
                            body.append(i == 0 ? "" : ",").append(enrolment(random, year, id,
                                    bins.get(random.nextInt(bins.size())), nextIndex.getAndIncrement()));
                        }
                        String json = body.append(']').toString();
                        boolean confirmed = false;
                        while (!confirmed && System.nanoTime() < giveUp) {
                            HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/api/v1/enrolment-events"))
                                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + tokens.get())
                                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
                            Answer answer = stats.send(http, request);
                            if (answer.status == 202) {
                                confirmed = true;
                            } else if (answer.status == 401) {
                                tokens.renew();
                                pause(1000);
                            } else {
                                pause(answer.retryAfterMillis(1000));
                            }
                        }
                        if (confirmed) {
                            synchronized (csv) {
                                ids.forEach(id -> csv.println("enrolment,rest,,," + id + ",valid"));
                            }
                        } else {
                            unconfirmed.addAndGet(ids.size()); // may or may not have landed: not counted as produced
                        }
                    }
                }, "submitter-" + t);
                worker.start();
                workers.add(worker);
            }
            for (Thread w : workers) {
                w.join();
            }
        }
        stats.write(summary, "next_index " + nextIndex.get() + "\nunconfirmed " + unconfirmed.get() + "\n");
    }

    // ------------------------------------------------------------------------------------------------ read

    static void read(String[] a) throws Exception {
        String[] bases = a[1].split(",");
        Tokens tokens = new Tokens(a[2]);
        Path summary = Path.of(a[3]);
        int threads = Integer.parseInt(a[4]);
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(a[5])).toNanos();
        String path = a[6];
        Stats stats = new Stats();
        AtomicLong failovers = new AtomicLong();
        Map<String, AtomicLong> perBase = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                int turn = first;
                while (System.nanoTime() < until) {
                    Answer answer = null;
                    for (int tried = 0; tried < bases.length; tried++) {
                        String base = bases[(turn + tried) % bases.length];
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + withDates(path)))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.get()).GET().build();
                        answer = stats.send(http, request, tried + 1 < bases.length);
                        if (answer.status != -1 && !(answer.status == 503 && tried + 1 < bases.length)) {
                            perBase.computeIfAbsent(base, b -> new AtomicLong()).incrementAndGet();
                            break;
                        }
                        failovers.incrementAndGet(); // refused or 503: the next replica, as a load balancer would
                    }
                    turn++;
                    if (answer.status == 401) {
                        tokens.renew();
                    } else if (answer.status == 503 || answer.status == -1) {
                        pause(answer.retryAfterMillis(500));
                    }
                }
            }, "reader-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            w.join();
        }
        StringBuilder extra = new StringBuilder("failovers " + failovers.get() + "\n");
        perBase.forEach((base, count) -> extra.append("answered_by ").append(base).append(' ').append(count.get()).append('\n'));
        stats.write(summary, extra.toString());
    }

    /** PATH with each {pastDate} replaced by a random day of the last year: every such request misses the cache. */
    static String withDates(String path) {
        while (path.contains("{pastDate}")) {
            path = path.replaceFirst("\\{pastDate}", java.time.LocalDate.now()
                    .minusDays(ThreadLocalRandom.current().nextInt(1, 366)).toString());
        }
        return path;
    }

    // ------------------------------------------------------------------------------------------------ groups

    static void deleteGroups(String[] a) throws Exception {
        Properties props = kafka(a[1]);
        List<String> groups = List.of(a).subList(2, a.length);
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            for (String group : groups) {
                while (true) {
                    try {
                        admin.deleteConsumerGroups(List.of(group)).all().get();
                        System.out.println("deleted consumer group " + group);
                        break;
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                            System.out.println("no consumer group " + group);
                            break;
                        }
                        if (System.nanoTime() > until) {
                            throw e;
                        }
                        pause(1000); // a member that left without saying so is dropped after the session timeout
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ shared

    record Answer(int status, String retryAfter) {
        long retryAfterMillis(long fallback) {
            try {
                return retryAfter == null ? fallback : Math.min(5000, Long.parseLong(retryAfter.trim()) * 1000);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }

    /** Counts per status; -1 = refused or not answered in time. Bad 503s (no Retry-After, not problem+json) apart. */
    static class Stats {
        final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> slowest = new ConcurrentHashMap<>();

        Answer send(HttpClient http, HttpRequest request) {
            return send(http, request, false);
        }

        /** A refused or cut connection or a 503 that fails over to another replica is counted apart, not as an error. */
        Answer send(HttpClient http, HttpRequest request, boolean refusalFailsOver) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding()); // read, not kept: the load generator shares the cores
                String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                // a replica's 503 (busy, catching up) that fails over to another replica is counted apart too
                count((refusalFailsOver && r.statusCode() == 503 ? "failed_over.status." : "status.") + r.statusCode(), t0);
                if (r.statusCode() == 503 && retryAfter == null) {
                    count("bad503.no_retry_after", t0);
                }
                if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    count("not_problem_json." + r.statusCode(), t0);
                }
                return new Answer(r.statusCode(), retryAfter);
            } catch (HttpTimeoutException e) {
                count("timeout", t0);
                failed(request, e, t0);
            } catch (ConnectException e) {
                count(refusalFailsOver ? "refused_failed_over" : "refused", t0);
            } catch (IOException e) {
                // a connection cut by a replica that died mid-answer: a GET is tried on the next replica
                count(refusalFailsOver ? "io_error_failed_over" : "io_error", t0);
                failed(request, e, t0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(-1, null);
        }

        /** One line on stderr (the scenario's log) per request that got no answer: where, when, after how long, why. */
        static void failed(HttpRequest request, Exception e, long t0) {
            System.err.printf("%s %s after %d ms: %s%n", java.time.LocalTime.now(), request.uri().getAuthority(),
                    (System.nanoTime() - t0) / 1_000_000, e);
        }

        void count(String key, long t0) {
            counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            slowest.computeIfAbsent(key, k -> new AtomicLong()).accumulateAndGet(ms, Math::max);
        }

        void write(Path summary, String extra) throws IOException {
            StringBuilder s = new StringBuilder(extra);
            new TreeMap<>(counts).forEach((k, v) -> s.append(k).append(' ').append(v.get()).append('\n'));
            new TreeMap<>(slowest).forEach((k, v) -> s.append("maxms.").append(k).append(' ').append(v.get()).append('\n'));
            Files.writeString(summary, s.toString());
        }
    }

    /** A ministry token from Keycloak (password grant, demo user); the old one is kept while Keycloak is away. */
    static class Tokens {
        static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        final String url;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        volatile String token;
        volatile long fetchedAt;

        Tokens(String keycloak) {
            this.url = keycloak + "/realms/nobd/protocol/openid-connect/token";
            renew();
            if (token == null) {
                throw new IllegalStateException("no token from " + url);
            }
        }

        String get() {
            if (System.nanoTime() - fetchedAt > Duration.ofMinutes(10).toNanos()) {
                renew();
            }
            return token;
        }

        synchronized void renew() {
            if (token != null && System.nanoTime() - fetchedAt < Duration.ofSeconds(2).toNanos()) {
                return; // another thread just did
            }
            String form = "grant_type=password&client_id=nobd-cli&username=ministry&password="
                    + URLEncoder.encode("demo", StandardCharsets.UTF_8);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = ACCESS.matcher(r.body());
                if (r.statusCode() == 200 && m.find()) {
                    token = m.group(1);
                    fetchedAt = System.nanoTime();
                    return;
                }
            } catch (IOException e) {
                // Keycloak away: keep the token issued before
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fetchedAt = System.nanoTime() - Duration.ofMinutes(10).toNanos() + Duration.ofSeconds(5).toNanos();
        }
    }

    /**
     * Kafka client settings: BOOTSTRAP is either host:port or a client properties file (bootstrap servers and the
     * login of a Kafka user, as the launcher writes them once Kafka asks for credentials).
     */
    static Properties kafka(String bootstrap) throws IOException {
        Properties props = new Properties();
        if (bootstrap.endsWith(".properties")) {
            try (var in = Files.newBufferedReader(Path.of(bootstrap))) {
                props.load(in);
            }
        } else {
            props.put("bootstrap.servers", bootstrap);
        }
        return props;
    }

    static List<String> bins(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().filter(s -> !s.isBlank()).toList();
    }

    static void pause(long millis) {
        LockSupport.parkNanos(Duration.ofMillis(millis).toNanos()); // a client's back-off between retries
    }

    /** Grade 0 (pre-school class) is smaller; 1..11 about even; grade 12 rare (the shares of GenerateEnrolment). */
    static int grade(Random random) {
        int r = random.nextInt(100);
        return r < 5 ? 0 : r < 99 ? 1 + (r - 5) % 11 : 12;
    }

    static String language(Random random) {
        int r = random.nextInt(100);
        return r < 68 ? "KK" : r < 96 ? "RU" : r < 99 ? "UZ" : "EN";
    }

    /** A synthetic IIN: unique per index up to 6,720,000, valid check digit (serials 0000-9999). */
    static String iin(int year, int index) {
        int day = (index / 10_000) % 336;
        int sex = 5 + ((index / 3_360_000) + Integer.bitCount(index % 3_360_000)) % 2;
        for (int y = year; ; y--) {
            String first11 = String.format("%02d%02d%02d%d%04d", y % 100, 1 + day / 28, 1 + day % 28, sex, index % 10_000);
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }
}
