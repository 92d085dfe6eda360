package kz.nobd.testing.seed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import kz.nobd.testing.Dates;

/**
 * Demo activity through the public REST APIs, as the schools' systems would send it: three school years of
 * enrolment events for every open general-education school of the registry ({@link EnrolmentHistory}), two equipment
 * censuses ({@link EquipmentCensus}), a few rejected events and conflicts at the demo schools
 * ({@link DemoSchoolCases}) and an ENROLMENT reporting period ({@link ReportingPeriod}); then it waits until ingest
 * has decided every item. Deterministic for a seed and the same registry and day; a rerun sends the same ids, which
 * ingest deduplicates (the demo schools' mistakes already rejected are not sent again), so it changes nothing.
 * <p>
 * From Java: {@code new DemoActivity(endpoints, () -> token, seed, 120).run()}. From the shell (deploy/local/seed.sh):
 * <pre>
 *   java -cp ... kz.nobd.testing.seed.DemoActivity [--registry URL] [--ingest URL] [--report URL] [--keycloak URL]
 *        [--user ministry] [--password demo] [--seed 7] [--students 120] [--wait-seconds 600]
 * </pre>
 * (defaults: the dev stack on 127.0.0.1, ports 8081, 8082, 8083 and Keycloak 8180; the user must have the ministry
 * role). Prints progress to stderr and one summary line to stdout.
 */
public final class DemoActivity {
    private final Endpoints endpoints;
    private final ApiClient api;
    private final long seed;
    private final int studentsPerSchool;
    private Duration waitFor = Duration.ofMinutes(10);

    /** The services' base URLs, e.g. http://127.0.0.1:8081. */
    public record Endpoints(String registry, String ingest, String report) {
        public static Endpoints local() {
            return new Endpoints("http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083");
        }
    }

    /** What was sent and what ingest made of it. */
    public record Summary(int schools, int silentSchools, int events, int batches, long accepted, long rejected,
            long pending, int equipmentReports, long equipmentAccepted, long equipmentRejected, String periodName,
            boolean periodCreated, double seconds) {
        public String line() {
            return String.format(Locale.ROOT, "demo activity: %,d schools (%,d without enrolment), %,d enrolment events"
                    + " in %,d batches: %,d accepted, %,d rejected%s; %,d equipment reports: %,d accepted, %,d rejected;"
                    + " period '%s' %s; %.1f s (%,.0f events/s)", schools, silentSchools, events, batches, accepted,
                    rejected, pending > 0 ? ", " + pending + " STILL PENDING" : "", equipmentReports,
                    equipmentAccepted, equipmentRejected, periodName, periodCreated ? "opened" : "reused", seconds,
                    seconds > 0 ? events / seconds : 0.0);
        }
    }

    /** {@code ministryToken}: an access token of a ministry user, asked for before every request (cache it). */
    public DemoActivity(Endpoints endpoints, Supplier<String> ministryToken, long seed, int studentsPerSchool) {
        this.endpoints = endpoints;
        this.api = new ApiClient(ministryToken);
        this.seed = seed;
        this.studentsPerSchool = studentsPerSchool;
    }

    /** How long {@link #run()} waits for ingest to decide everything (10 minutes by default). */
    public DemoActivity waitingAtMost(Duration duration) {
        this.waitFor = duration;
        return this;
    }

    public Summary run() {
        long started = System.nanoTime();
        List<School> schools = RegistrySchools.read(api, endpoints.registry());
        LocalDate today = Dates.today();
        ActivityPlan plan = ActivityPlan.make(schools, seed, studentsPerSchool, today);
        progress("%,d open general-education schools in the registry; %,d enrolment events, %,d equipment reports"
                + " (seed %d, %d students per school, as of %s)", schools.size(), plan.events().size(),
                plan.equipmentReports().size(), seed, studentsPerSchool, today);
        ReportingPeriod period = ReportingPeriod.openOrReuse(api, endpoints.report(), plan.calendar().latestCensus());
        progress("reporting period '%s' (%s) %s", period.name(), period.id(), period.created() ? "opened" : "exists");

        IngestSubmissions ingest = new IngestSubmissions(api, endpoints.ingest());
        List<EnrolmentEvent> events = withoutRejectedBefore(plan, ingest);
        List<UUID> batches = new ArrayList<>();
        int posted = 0;
        for (List<EnrolmentEvent> batch : batches(events)) {
            batches.add(ingest.postEnrolment(batch));
            posted += batch.size();
            progress("posted %,d of %,d enrolment events", posted, events.size());
        }
        List<UUID> reports = ingest.postEquipment(plan.equipmentReports());
        progress("posted %,d equipment reports; waiting for ingest to decide", reports.size());
        IngestSubmissions.Outcome enrolment = ingest.awaitDecided(batches, waitFor);
        IngestSubmissions.Outcome equipment = ingest.awaitDecided(reports, waitFor);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Summary(plan.schools().size(), plan.silentSchools().size(), events.size(), batches.size(),
                enrolment.accepted(), enrolment.rejected(), enrolment.pending() + equipment.pending(), reports.size(),
                equipment.accepted(), equipment.rejected(), period.name(), period.created(), seconds);
    }

    /** The plan's events without the demo schools' mistakes ingest has rejected already (a rerun would list them twice). */
    private static List<EnrolmentEvent> withoutRejectedBefore(ActivityPlan plan, IngestSubmissions ingest) {
        Set<UUID> rejectedBefore = new HashSet<>();
        plan.meantToBeRejected().stream().map(EnrolmentEvent::schoolBin).distinct()
                .forEach(bin -> rejectedBefore.addAll(ingest.rejectedEventIds(bin)));
        Set<EnrolmentEvent> skip = new HashSet<>();
        plan.meantToBeRejected().stream().filter(e -> rejectedBefore.contains(e.eventId())).forEach(skip::add);
        return plan.events().stream().filter(e -> !skip.contains(e)).toList();
    }

    /**
     * The events in order, cut into batches of at most {@link IngestSubmissions#MAX_BATCH}; an event id met again (the
     * demo schools' reused id) starts a new batch, since ingest refuses a batch that holds one id twice.
     */
    static List<List<EnrolmentEvent>> batches(List<EnrolmentEvent> events) {
        List<List<EnrolmentEvent>> batches = new ArrayList<>();
        List<EnrolmentEvent> batch = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (EnrolmentEvent event : events) {
            if (batch.size() == IngestSubmissions.MAX_BATCH || !ids.add(event.eventId())) {
                batches.add(List.copyOf(batch));
                batch.clear();
                ids.clear();
                ids.add(event.eventId());
            }
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            batches.add(List.copyOf(batch));
        }
        return batches;
    }

    private static void progress(String format, Object... args) {
        System.err.println("demo-activity: " + String.format(Locale.ROOT, format, args));
    }

    public static void main(String[] args) {
        Map<String, String> options = Options.parse(args, "DemoActivity", List.of("registry", "ingest", "report",
                "keycloak", "user", "password", "seed", "students", "wait-seconds"));
        String keycloak = options.getOrDefault("keycloak", "http://127.0.0.1:8180");
        Endpoints local = Endpoints.local();
        Endpoints endpoints = new Endpoints(options.getOrDefault("registry", local.registry()),
                options.getOrDefault("ingest", local.ingest()), options.getOrDefault("report", local.report()));
        PasswordGrant token = new PasswordGrant(keycloak, options.getOrDefault("user", "ministry"),
                options.getOrDefault("password", "demo"));
        Summary summary = new DemoActivity(endpoints, token, Long.parseLong(options.getOrDefault("seed", "7")),
                Integer.parseInt(options.getOrDefault("students", "120")))
                .waitingAtMost(Duration.ofSeconds(Long.parseLong(options.getOrDefault("wait-seconds", "600"))))
                .run();
        System.out.println(summary.line());
        if (summary.pending() > 0) {
            System.exit(1);
        }
    }
}
