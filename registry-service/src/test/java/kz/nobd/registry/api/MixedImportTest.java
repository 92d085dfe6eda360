package kz.nobd.registry.api;

import static kz.nobd.registry.testing.Institutions.AKMOLA_VILLAGE;
import static kz.nobd.registry.testing.Institutions.ALMATY_OBLAST_VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.registry.domain.OutboxMessage;
import kz.nobd.registry.messaging.FaultyOutboxPublisher;
import kz.nobd.registry.messaging.InstitutionOutboxRelay;
import kz.nobd.registry.messaging.OutboxPublisher;
import kz.nobd.registry.testing.CsvImports;
import kz.nobd.registry.testing.FreshBins;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.registry.testing.Json;
import kz.nobd.support.messaging.KafkaClients;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * One file of thousands of rows that mixes every outcome, in an order that scatters them over the chunks: every
 * row's outcome and errors, the cards, one history row and one outbox message per changed row, with the change
 * numbers ({@code change_seq}) and the outbox ids both following the order of the rows in the file. A BIN may come
 * twice (the later row applies to what the earlier one left); a row the database refuses (a trigger of this test)
 * makes its chunk retried row by row, and only that row is lost. The relay is held (Kafka "unreachable") so the
 * outbox rows can be read.
 */
@QuarkusTest
class MixedImportTest {
    private static final String HEADER = "bin,nameKk,nameRu,type,ownership,kato,languages,capacity,openedOn";
    private static final String OPENED = "2005-09-01";
    private static final String REFUSED_NAME = "test-refused-by-the-database";
    private static final String CLERK = Tokens.OBLAST_AKMOLA;

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxPublisher publisher;
    @Inject
    InstitutionOutboxRelay relay;
    @Inject
    KafkaClients clients;
    @Inject
    RegistryConfig config;

    /** A line of the file and what the import must say about it; {@code pair} links the two rows of one BIN. */
    private record Line(String csv, String bin, String outcome, String errorField, String errorText, int pair) {
        static Line of(String csv, String bin, String outcome) {
            return new Line(csv, bin, outcome, null, null, -1);
        }

        static Line rejected(String csv, String bin, String field, String text) {
            return new Line(csv, bin, "REJECTED", field, text, -1);
        }

        Line inPair(int id) {
            return new Line(csv, bin, outcome, errorField, errorText, id);
        }
    }

    /** A version the import must write: BIN, version number, change kind and the card's capacity. */
    private record Change(String bin, long version, String kind, int capacity) {
    }

    @Test
    void everyRowOfAMixedFileGetsItsOutcomeAndEveryChangeOneVersionAndOneMessageInFileOrder() throws Exception {
        List<String> existing = FreshBins.of(em, 1_650);
        CsvImports.post(CLERK, csv(existing.stream().map(bin -> row(bin, AKMOLA_VILLAGE, 600)).toList())).then()
                .statusCode(200).body("created", org.hamcrest.Matchers.equalTo(1_650));
        String almatySchool = Institutions.createSchool(ALMATY_OBLAST_VILLAGE);
        List<Line> lines = mixedFile(existing, FreshBins.of(em, 1_400), almatySchool);
        Set<String> bins = lines.stream().map(Line::bin).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Change> changes = changesOf(lines, Set.copyOf(existing));
        String file = csv(lines.stream().map(Line::csv).toList());

        OutboxPublisher kafka = ClientProxy.unwrap(publisher);
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.pending() == 0);
        try (FaultyOutboxPublisher held = new FaultyOutboxPublisher(clients, config, kafka)) {
            QuarkusMock.installMockForType(held, OutboxPublisher.class);
            refuseMarkedRows(true);
            long seqBefore = lastChangeSeq();

            JsonPath dryRun = CsvImports.finished(CLERK, CsvImports.submit(CLERK, file, true)).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(lastChangeSeq()).as("versions written by the dry run").isEqualTo(seqBefore);
            assertThat(outboxOf(bins)).as("outbox rows of the dry run").isEmpty();

            LocalDate before = LocalDate.now(ZoneId.of("Asia/Almaty"));
            JsonPath report = CsvImports.post(CLERK, file).then().statusCode(200).extract().jsonPath();
            LocalDate after = LocalDate.now(ZoneId.of("Asia/Almaty"));

            assertReport(report, lines);
            assertDryRunSaidTheSame(dryRun, report, lines);
            assertCards(lines, changes, bins, almatySchool);
            List<InstitutionVersion> written = versionsAfter(seqBefore, bins);
            assertThat(written.stream().map(v -> new Change(v.bin, v.version, v.changeKind.name(),
                    Json.tree(v.card).get("capacity").asInt())).toList())
                    .as("versions in change_seq order = the changed rows in file order").isEqualTo(changes);
            assertThat(written).allSatisfy(v -> {
                assertThat(v.changedBy).isEqualTo(CLERK);
                assertThat(v.changedByRole).isEqualTo("oblast");
                if (v.version == 1) {
                    assertThat(v.validFrom).isEqualTo(LocalDate.parse(OPENED));
                } else {
                    assertThat(v.validFrom).isIn(before, after);
                }
                assertThat(Json.tree(v.card).get("version").asLong()).isEqualTo(v.version);
                assertThat(Json.tree(v.card).get("validFrom").asText()).isEqualTo(v.validFrom.toString());
            });
            List<OutboxMessage> messages = outboxOf(bins);
            assertThat(messages).as("one message per changed row")
                    .hasSize(report.getInt("created") + report.getInt("updated")).hasSize(changes.size());
            Map<String, InstitutionVersion> versionByKey = written.stream()
                    .collect(Collectors.toMap(v -> v.bin + "/" + v.version, Function.identity()));
            for (int i = 0; i < messages.size(); i++) {
                OutboxMessage message = messages.get(i);
                Change change = changes.get(i);
                assertThat(message.messageKey).as("key of outbox message %d", i).isEqualTo(change.bin());
                assertThat(message.topic).isEqualTo("registry.institutions.v1");
                assertThat(Json.tree(message.payload)).as("payload of outbox message %d (%s)", i, change)
                        .isEqualTo(Json.tree(versionByKey.get(change.bin() + "/" + change.version()).card));
            }
        } finally {
            refuseMarkedRows(false);
            QuarkusMock.installMockForType(kafka, OutboxPublisher.class);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.pending() == 0);
    }

    /**
     * About 3,100 rows: 800 unchanged, 800 updated, 800 created, 150 BINs created then updated, 50 created then
     * sent again unchanged, 50 stored ones updated twice, 200 rejected by validation (four kinds), 3 rows of a
     * school registered in another oblast, 2 rows the database refuses; shuffled with a fixed seed.
     */
    private static List<Line> mixedFile(List<String> existing, List<String> fresh, String almatySchool) {
        List<Line> lines = new ArrayList<>();
        int pair = 0;
        for (int i = 0; i < 800; i++) {
            String bin = existing.get(i);
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 600), bin, "UNCHANGED"));
        }
        for (int i = 800; i < 1_600; i++) {
            String bin = existing.get(i);
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 601 + i % 50), bin, "UPDATED"));
        }
        for (int i = 1_600; i < 1_650; i++, pair++) {
            String bin = existing.get(i);
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 650), bin, "UPDATED").inPair(pair));
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 660), bin, "UPDATED").inPair(pair));
        }
        int next = 0;
        for (int i = 0; i < 800; i++) {
            String bin = fresh.get(next++);
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 300 + i), bin, "CREATED"));
        }
        for (int i = 0; i < 150; i++, pair++) {
            String bin = fresh.get(next++);
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 500), bin, "CREATED").inPair(pair));
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 510), bin, "UPDATED").inPair(pair));
        }
        for (int i = 0; i < 50; i++, pair++) {
            String bin = fresh.get(next++);
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 520), bin, "CREATED").inPair(pair));
            lines.add(Line.of(row(bin, AKMOLA_VILLAGE, 520), bin, "UNCHANGED").inPair(pair));
        }
        for (int i = 0; i < 200; i++) {
            String bin = fresh.get(next++);
            lines.add(switch (i % 4) {
            case 0 -> Line.rejected(row(bin, AKMOLA_VILLAGE, 300).replace("SCHOOL", "GYMNASIUM"), bin, "type",
                    "was 'GYMNASIUM'");
            case 1 -> Line.rejected(row(bin, "119999999", 300), bin, "kato", "does not exist in the KATO classifier");
            case 2 -> Line.rejected(row(bin, ALMATY_OBLAST_VILLAGE, 300), bin, "kato", "is outside your oblast");
            default -> {
                String wrong = Ids.withWrongCheckDigit(bin);
                yield Line.rejected(row(wrong, AKMOLA_VILLAGE, 300), wrong, "bin", "check digit");
            }
            });
        }
        for (int i = 0; i < 3; i++) {
            lines.add(Line.rejected(row(almatySchool, AKMOLA_VILLAGE, 300 + i), almatySchool, "bin",
                    "cannot be imported by you"));
        }
        for (int i = 0; i < 2; i++) {
            String bin = fresh.get(next++);
            lines.add(Line.rejected(row(bin, AKMOLA_VILLAGE, 300).replace("Школа №", REFUSED_NAME + " "), bin, "bin",
                    "could not be stored"));
        }
        Map<Integer, List<Line>> firstToLast = lines.stream().filter(l -> l.pair() >= 0)
                .collect(Collectors.groupingBy(Line::pair));
        Collections.shuffle(lines, new Random(14));
        // the two rows of a pair keep their order: the earlier position gets the first of them
        Map<Integer, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).pair() >= 0) {
                positions.computeIfAbsent(lines.get(i).pair(), p -> new ArrayList<>()).add(i);
            }
        }
        positions.forEach((id, at) -> {
            List<Line> ordered = firstToLast.get(id);
            lines.set(at.get(0), ordered.get(0));
            lines.set(at.get(1), ordered.get(1));
        });
        return lines;
    }

    /** The versions the file must write, in file order. */
    private static List<Change> changesOf(List<Line> lines, Set<String> stored) {
        Map<String, Long> versions = new HashMap<>();
        stored.forEach(bin -> versions.put(bin, 1L));
        List<Change> changes = new ArrayList<>();
        for (Line line : lines) {
            if (line.outcome().equals("CREATED") || line.outcome().equals("UPDATED")) {
                long version = versions.merge(line.bin(), 1L, Long::sum);
                changes.add(new Change(line.bin(), version,
                        line.outcome().equals("CREATED") ? "IMPORTED_CREATE" : "IMPORTED_UPDATE", capacityOf(line)));
            }
        }
        return changes;
    }

    private static void assertReport(JsonPath report, List<Line> lines) {
        assertThat(report.getString("status")).isEqualTo("DONE");
        assertThat(report.getInt("received")).isEqualTo(lines.size());
        assertThat(report.getInt("processed")).isEqualTo(lines.size());
        for (String outcome : List.of("CREATED", "UPDATED", "UNCHANGED", "REJECTED")) {
            assertThat(report.getInt(outcome.toLowerCase(java.util.Locale.ROOT))).as(outcome)
                    .isEqualTo((int) lines.stream().filter(l -> l.outcome().equals(outcome)).count());
        }
        List<Map<String, Object>> rows = report.getList("rows");
        assertThat(rows).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Map<String, Object> row = rows.get(i);
            String at = "line " + (i + 2) + ": " + line.csv();
            assertThat(row.get("line")).as(at).isEqualTo(i + 2);
            assertThat(row.get("bin")).as(at).isEqualTo(line.bin());
            assertThat(row.get("outcome")).as(at).isEqualTo(line.outcome());
            @SuppressWarnings("unchecked")
            List<Map<String, String>> errors = (List<Map<String, String>>) row.get("errors");
            if (line.errorField() == null) {
                assertThat(errors).as(at).isEmpty();
            } else {
                assertThat(errors).as(at).hasSize(1);
                assertThat(errors.get(0).get("field")).as(at).isEqualTo(line.errorField());
                assertThat(errors.get(0).get("message")).as(at).contains(line.errorText());
            }
        }
    }

    /**
     * A dry run says what the import does, except for a BIN the file holds twice: each chunk of a dry run is rolled
     * back, so a later chunk (or a row retried alone) does not see what an earlier one did.
     */
    private static void assertDryRunSaidTheSame(JsonPath dryRun, JsonPath report, List<Line> lines) {
        Map<String, Long> rowsPerBin = lines.stream().collect(Collectors.groupingBy(Line::bin, Collectors.counting()));
        List<Map<String, Object>> dry = dryRun.getList("rows");
        List<Map<String, Object>> real = report.getList("rows");
        assertThat(dryRun.getBoolean("dryRun")).isTrue();
        assertThat(dry).hasSameSizeAs(real);
        for (int i = 0; i < real.size(); i++) {
            if (rowsPerBin.get(lines.get(i).bin()) == 1) {
                assertThat(dry.get(i)).as("dry run, line %d", i + 2).isEqualTo(real.get(i));
            }
        }
    }

    private void assertCards(List<Line> lines, List<Change> changes, Set<String> bins, String almatySchool) {
        Map<String, Change> last = new HashMap<>();
        changes.forEach(c -> last.put(c.bin(), c));
        Map<String, Institution> cards = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select i from Institution i where i.bin in :bins", Institution.class).setParameter("bins", bins)
                .getResultStream().collect(Collectors.toMap(i -> i.bin, Function.identity())));
        for (Line line : lines) {
            Institution card = cards.get(line.bin());
            Change change = last.get(line.bin());
            if (line.bin().equals(almatySchool)) {
                assertThat(card.version).isEqualTo(1);
                assertThat(card.kato).isEqualTo(ALMATY_OBLAST_VILLAGE);
            } else if (line.outcome().equals("REJECTED")) {
                assertThat(card).as("card of rejected %s", line.csv()).isNull();
            } else if (change != null) {
                assertThat(card.version).as(line.csv()).isEqualTo(change.version());
                assertThat(card.capacity).as(line.csv()).isEqualTo(change.capacity());
                assertThat(card.oblastKato).isEqualTo("110000000");
            } else {
                assertThat(card.version).as(line.csv()).isEqualTo(1);
                assertThat(card.capacity).as(line.csv()).isEqualTo(600);
            }
        }
    }

    private static int capacityOf(Line line) {
        return Integer.parseInt(line.csv().split(",")[7]);
    }

    private static String row(String bin, String kato, int capacity) {
        String number = bin.substring(8);
        return String.join(",", bin, "№" + number + " мектеп", "Школа №" + number, "SCHOOL", "STATE", kato, "KK;RU",
                Integer.toString(capacity), OPENED);
    }

    private static String csv(List<String> rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /** A trigger that makes the database refuse any card named {@link #REFUSED_NAME}; off again with false. */
    private void refuseMarkedRows(boolean on) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop trigger if exists test_refuse_marked on institution");
            if (on) {
                s.execute("create or replace function test_refuse_marked() returns trigger language plpgsql as $$"
                        + " begin if new.name_ru like '" + REFUSED_NAME + "%' then"
                        + " raise exception 'test: a refused card'; end if; return new; end $$");
                s.execute("create trigger test_refuse_marked before insert or update on institution"
                        + " for each row execute function test_refuse_marked()");
            }
        }
    }

    private long lastChangeSeq() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select coalesce(max(v.changeSeq), 0) from InstitutionVersion v", Long.class).getSingleResult());
    }

    private List<InstitutionVersion> versionsAfter(long seq, Set<String> bins) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select v from InstitutionVersion v where v.changeSeq > :seq and v.bin in :bins order by v.changeSeq",
                InstitutionVersion.class).setParameter("seq", seq).setParameter("bins", bins).getResultList());
    }

    private List<OutboxMessage> outboxOf(Set<String> bins) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m from OutboxMessage m where m.messageKey in :bins order by m.id", OutboxMessage.class)
                .setParameter("bins", bins).getResultList());
    }
}
