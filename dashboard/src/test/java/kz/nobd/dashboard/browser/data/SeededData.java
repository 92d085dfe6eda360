package kz.nobd.dashboard.browser.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import kz.nobd.dashboard.browser.harness.RepositoryRoot;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * The data of one run of the browser tests, put in through the public APIs as the ministry before the first test
 * (once per JVM): the demo schools and synthetic ones in Akmola (urban and rural, three districts) and Aktobe;
 * students in each; an equipment report per school; for school.akmola's demo school a rejected event and a student
 * another school also enrolled (a conflict); a reporting period. Then waits until report-service shows it all. BINs
 * and IINs are new every run (the test databases keep rows between runs).
 */
public final class SeededData {
    public static final String AKMOLA = "110000000";
    public static final String AKTOBE = "150000000";
    public static final String STEPNOGORSK = "111800000";
    public static final String AKKOL = "113200000";
    public static final String KOKSHETAU = "111000000";
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private static SeededData instance;

    public final LocalDate today = LocalDate.now(ALMATY);
    public final List<SyntheticSchool> akmola = List.of(
            SyntheticSchool.at("111833100", STEPNOGORSK, true, "Ақсу"),
            SyntheticSchool.at("111843100", STEPNOGORSK, false, "Қарабұлақ"),
            SyntheticSchool.at("113220100", AKKOL, true, "Ақкөл"),
            SyntheticSchool.at("113220400", AKKOL, false, "Радовка"),
            SyntheticSchool.at("111037100", KOKSHETAU, true, "Станционный"));
    public final List<SyntheticSchool> aktobe = List.of(
            SyntheticSchool.at("153220100", "153200000", true, "Алға"),
            SyntheticSchool.at("153233300", "153200000", false, "Қызылту"),
            SyntheticSchool.at("151011100", "151000000", true, "Ақтөбе"));
    /** students enrolled in each synthetic school */
    public final Map<String, Integer> students = new LinkedHashMap<>();
    /** the student school.akmola's demo school enrolled and school.almaty's enrolled after it */
    public final String conflictIin = Ids.girl();
    public String rejectedEventId;
    public String periodId;

    private SeededData() {
    }

    public static synchronized SeededData get() {
        if (instance == null) {
            SeededData data = new SeededData();
            data.seed();
            instance = data;
        }
        return instance;
    }

    public List<SyntheticSchool> all() {
        List<SyntheticSchool> all = new ArrayList<>(akmola);
        all.addAll(aktobe);
        return all;
    }

    public LocalDate schoolYearStart() {
        return LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
    }

    private void seed() {
        importInstitutions();
        enrolStudents();
        reportEquipment();
        openPeriod();
        awaitReport();
    }

    private void importInstitutions() {
        try {
            List<String> demo = Files.readAllLines(RepositoryRoot.find().resolve("deploy/seed/demo-institutions.csv"),
                    StandardCharsets.UTF_8);
            List<String> rows = new ArrayList<>(demo.subList(1, demo.size()).stream().filter(l -> !l.isBlank()).toList());
            all().forEach(s -> rows.add(s.csvRow()));
            InstitutionImport.run(demo.get(0), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void enrolStudents() {
        LocalDate start = schoolYearStart();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < all().size(); i++) {
            SyntheticSchool school = all().get(i);
            int count = 6 + 3 * i;
            for (int k = 0; k < count; k++) {
                String iin = k % 2 == 0 ? Ids.girl() : Ids.boy();
                events.add(Submissions.event("ENROLLED", iin, school.bin(), 1 + k % 11, start));
            }
            students.put(school.bin(), count);
        }
        for (int grade = 1; grade <= 4; grade++) {
            events.add(Submissions.event("ENROLLED", grade % 2 == 0 ? Ids.boy() : Ids.girl(), Tokens.SCHOOL_AKMOLA_BIN,
                    grade, start));
        }
        // the first school of the conflict: school.akmola's, a day before school.almaty's enrolls the same student
        events.add(Submissions.event("ENROLLED", conflictIin, Tokens.SCHOOL_AKMOLA_BIN, 5, today.minusDays(1)));
        // a promotion of a student the school never enrolled: rejected (INVALID_TRANSITION)
        Map<String, Object> rejected = Submissions.event("PROMOTED", Ids.boy(), Tokens.SCHOOL_AKMOLA_BIN, 3, today);
        rejectedEventId = (String) rejected.get("eventId");
        events.add(rejected);
        JsonNode first = Submissions.enrol(events);
        assertThat(first.path("rejected").asInt()).as("batch %s", first).isEqualTo(1);
        JsonNode second = Submissions.enrol(List.of(
                Submissions.event("ENROLLED", conflictIin, Tokens.SCHOOL_ALMATY_BIN, 5, today)));
        assertThat(second.path("accepted").asInt()).as("batch %s", second).isEqualTo(1);
    }

    private void reportEquipment() {
        LocalDate asOf = schoolYearStart();
        for (int i = 0; i < all().size(); i++) {
            SyntheticSchool school = all().get(i);
            if (school.urban()) {
                Submissions.equipment(school.bin(), asOf, 20 + i, 2 + i % 3, BigDecimal.valueOf(50));
            } else {
                Submissions.equipment(school.bin(), asOf, 5 + i, 3, i % 2 == 0 ? new BigDecimal("1.5") : BigDecimal.ZERO);
            }
        }
        Submissions.equipment(Tokens.SCHOOL_AKMOLA_BIN, asOf, 12, 2, BigDecimal.valueOf(8));
        Submissions.equipment(Tokens.SCHOOL_ALMATY_BIN, asOf, 10, 1, BigDecimal.valueOf(25));
    }

    private void openPeriod() {
        Map<String, Object> period = Map.of("kind", "EQUIPMENT", "name", "e2e dashboard " + UUID.randomUUID(),
                "censusDate", today.toString(), "submissionDeadline", today.plusDays(7).toString(),
                "acceptanceDeadline", today.plusDays(14).toString());
        Response response = ApiCalls.as(Tokens.MINISTRY).contentType("application/json").body(period)
                .post(ApiCalls.url("report") + "/api/v1/periods");
        assertThat(response.statusCode()).as("period: %s", response.asString()).isEqualTo(201);
        periodId = response.jsonPath().getString("id");
    }

    /** report-service counts every synthetic school's students and report; ingest lists the conflict */
    private void awaitReport() {
        await("report-service shows the seeded schools").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    for (SyntheticSchool school : all()) {
                        JsonNode total = ApiCalls.indicators(Tokens.MINISTRY, Map.of("level", "SCHOOL", "bin",
                                school.bin())).path("total");
                        assertThat(total.path("students").asInt()).as(school.bin()).isEqualTo(students.get(school.bin()));
                        assertThat(total.path("reported").asInt()).as(school.bin()).isEqualTo(1);
                    }
                });
        await("ingest lists the conflict").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> ApiCalls.ingest(Tokens.MINISTRY, "/conflicts",
                        Map.of("schoolBin", Tokens.SCHOOL_AKMOLA_BIN, "size", 500)).path("items").findValuesAsText("iin"),
                        iins -> iins.contains(Ids.masked(conflictIin)));
    }
}
