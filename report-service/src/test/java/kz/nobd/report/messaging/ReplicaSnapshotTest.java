package kz.nobd.report.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.Topics;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.FactProducer.Spell;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.KafkaLogins;

/**
 * A replica's durable snapshot: its tables (schema replica_0 here) and the next offset of every partition it reads
 * commit in one transaction, so neither is ever visible without the other; once caught up, the stored offsets are
 * the topics' end offsets; and no consumer group is used. (That a restarted consumer seeks to the stored offsets is
 * proved on a real topic by service-support's AssignedConsumerLoopTest, and across real restarts of two replicas by
 * deploy/faults/replicas-agree.sh.)
 */
@QuarkusTest
class ReplicaSnapshotTest {
    static final List<String> TOPICS = List.of(Topics.REGISTRY_INSTITUTIONS, Topics.FACTS_ENROLMENT,
            Topics.FACTS_EQUIPMENT, Topics.FACTS_SUBMISSIONS);
    static Admin admin;

    @Inject
    DataSource dataSource;
    @Inject
    TopicOffsets offsets;

    @BeforeAll
    static void admin() {
        admin = Admin.create(KafkaLogins.of(KafkaLogins.ADMIN));
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void theStateIsInTheReplicasSchemaAndTheAuditInPublic() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_schema, table_name FROM information_schema.tables "
                        + "WHERE table_name IN ('spell', 'topic_offset', 'audit_entry') AND table_schema = 'replica_0'"
                        + " OR table_schema = 'public' AND table_name = 'audit_entry'")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1) + "." + rs.getString(2));
            }
            assertThat(tables).containsExactlyInAnyOrder("replica_0.spell", "replica_0.topic_offset",
                    "public.audit_entry");
        }
    }

    @Test
    void aBatchsOffsetsAreNotStoredBeforeItsStateIsCommitted() throws Exception {
        Reports.awaitReady();
        Spell spell = Spell.open(kz.nobd.testing.Ids.bin(), 4, "F", "KK", LocalDate.of(2025, 9, 1));
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            execute(holder, "LOCK TABLE spell IN ACCESS EXCLUSIVE MODE"); // the consumer's batch waits on it
            RecordMetadata at = FactProducer.spell(spell, "OPENED");
            awaitAConsumerWaitingFor("spell");
            assertThat(stored(at)).as("next offset stored while the batch's spells wait").isLessThanOrEqualTo(at.offset());
            holder.rollback();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(at) > at.offset() && spellStored(spell));
        }
    }

    @Test
    void aBatchsStateIsNotVisibleBeforeItsOffsetsAreStored() throws Exception {
        Reports.awaitReady();
        Spell spell = Spell.open(kz.nobd.testing.Ids.bin(), 5, "M", "RU", LocalDate.of(2025, 9, 1));
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            execute(holder, "LOCK TABLE topic_offset IN ACCESS EXCLUSIVE MODE");
            RecordMetadata at = FactProducer.spell(spell, "OPENED");
            awaitAConsumerWaitingFor("topic_offset");
            assertThat(spellStored(spell)).as("spell visible while its batch's offsets wait").isFalse();
            holder.rollback();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(at) > at.offset() && spellStored(spell));
        }
    }

    @Test
    void onceCaughtUpTheStoredOffsetsAreTheEndOfEveryPartitionAndNoGroupIsUsed() throws Exception {
        Reports.awaitReady();
        FactProducer.schoolWithStudents("111000000", Reports.today());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storedOffsets()).isEqualTo(endOffsets()));

        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .toList();
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get();
        List<String> ourMembers = described.values().stream().flatMap(g -> g.members().stream()
                .filter(m -> m.clientId().startsWith("report-")).map(m -> g.groupId() + "/" + m.clientId()))
                .toList();
        assertThat(ourMembers).as("consumer group members of report-service").isEmpty();
    }

    @Test
    void theStoreWritesTheNextOffsetOfEachPartitionOfABatch() throws SQLException {
        String topic = "test.topic-offsets." + UUID.randomUUID(); // rows of a topic the service never reads
        List<ConsumerRecord<String, byte[]>> batch = List.of(record(topic, 0, 7), record(topic, 1, 3),
                record(topic, 0, 9));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            offsets.store(c, batch);
            assertThat(offsets.load(c, List.of(topic))).isEqualTo(Map.of(new TopicPartition(topic, 0), 10L,
                    new TopicPartition(topic, 1), 4L));
            c.rollback();
            assertThat(offsets.load(c, List.of(topic))).as("rolled back with its transaction").isEmpty();
        }
    }

    private static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, "k", new byte[0]);
    }

    private Map<TopicPartition, Long> storedOffsets() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return offsets.load(c, TOPICS);
        }
    }

    /** The end offsets of every partition of the topics (as a read_committed consumer sees them), non-empty ones. */
    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(TOPICS).allTopicNames().get().values().forEach(t -> t.partitions()
                .forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .entrySet().stream().filter(e -> e.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private long stored(RecordMetadata at) throws SQLException {
        return storedOffsets().getOrDefault(new TopicPartition(at.topic(), at.partition()), 0L);
    }

    private boolean spellStored(Spell spell) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM spell WHERE spell_id = ?")) {
            ps.setObject(1, spell.spellId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** Waits until a session (the fact consumer's transaction) waits for a lock on {@code table}. */
    private void awaitAConsumerWaitingFor(String table) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '"
                            + table + "'::regclass")) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
