package kz.nobd.report.messaging;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.SpellFactReader;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.DeltaKey;
import kz.nobd.report.domain.EquipmentReport;
import kz.nobd.report.domain.Spell;
import kz.nobd.report.domain.Submission;
import kz.nobd.report.service.EnrolmentCube;
import kz.nobd.report.service.EnrolmentStore;
import kz.nobd.report.service.EquipmentStore;
import kz.nobd.report.service.ResultCache;
import kz.nobd.report.service.SubmissionStore;
import kz.nobd.support.messaging.CatchUp;
import kz.nobd.support.messaging.KafkaClients;
import kz.nobd.support.messaging.ConsumerLoop;

/**
 * Consumes the fact topics (enrolment spells, equipment reports, submissions), every partition (no consumer group:
 * every replica builds the whole picture): one database transaction per polled batch (spells and daily deltas,
 * reports, last submissions, and the next offsets: {@link TopicOffsets}), then the in-memory views are updated.
 * A batch delivered again changes nothing: its spells are found as stored (updated to the same values, no delta),
 * and the other writes are idempotent upserts. This loop is its replica's only writer, so a spell not found in the
 * transaction's own read is inserted without a conflict check.
 * A fact that cannot be read is logged and skipped: it never blocks a partition.
 */
@ApplicationScoped
public class FactConsumer {
    private static final Logger LOG = Logger.getLogger(FactConsumer.class);
    static final List<String> TOPICS = List.of(Topics.FACTS_ENROLMENT, Topics.FACTS_EQUIPMENT, Topics.FACTS_SUBMISSIONS);

    @Inject
    KafkaClients kafka;
    @Inject
    DataSource dataSource;
    @Inject
    EnrolmentStore enrolment;
    @Inject
    EnrolmentCube cube;
    @Inject
    EquipmentStore equipment;
    @Inject
    SubmissionStore submissions;
    @Inject
    ReportConfig config;
    @Inject
    Clock clock;
    @Inject
    ResultCache cache;
    @Inject
    TopicOffsets offsets;
    @Inject
    AppliedCounters counters;

    /** A batch's own deltas, and those the cube gets with its commit (with any owed by a commit in doubt). */
    private record BatchDeltas(Map<DeltaKey, Integer> own, Map<DeltaKey, Integer> all) {
    }

    private final CatchUp catchUp = new CatchUp();
    private final InDoubtCommits inDoubt = new InDoubtCommits();
    private ConsumerLoop loop;

    void start(@Observes StartupEvent event) {
        long t0 = System.nanoTime();
        Map<TopicPartition, Long> stored = Transactions.run(dataSource, c -> {
            equipment.load(c);
            submissions.load(c);
            enrolment.loadRowsPerDay(c);
            return offsets.load(c, TOPICS);
        });
        LOG.infof("facts: equipment, submissions and stored offsets loaded in %d ms",
                (System.nanoTime() - t0) / 1_000_000);
        loop = new ConsumerLoop("report-facts", kafka.assignedConsumer("report-facts-" + config.replica(),
                config.maxPollRecords()), TOPICS, this::apply).assigned(partitions -> stored).onStart(consumer -> {
                    catchUp.recordTarget(consumer);
                    long cubeStart = System.nanoTime();
                    keepCubeOnToday();
                    LOG.infof("facts: cube of %s built in %d ms (%d ms after the JVM started), from %s, "
                            + "catching up to %s", cube.date(), (System.nanoTime() - cubeStart) / 1_000_000,
                            CatchUp.uptime(), stored, catchUp.target());
                    if (catchUp.caughtUp()) {
                        LOG.infof("facts: nothing to catch up (%d ms after the JVM started)", CatchUp.uptime());
                    }
                }).onIdle(this::keepCubeOnToday).startThread();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    public CatchUp catchUp() {
        return catchUp;
    }

    /** The consumer loop (null before start-up). */
    public ConsumerLoop loop() {
        return loop;
    }

    /** On the consumer thread (the cube's only writer): rebuilds the cube when the date has changed. */
    private void keepCubeOnToday() {
        LocalDate today = LocalDate.now(clock);
        if (!cube.holds(today)) {
            try {
                cube.rebuild(today);
                inDoubt.forget(); // the rebuilt cube counts what the database holds
                cache.changed();
            } catch (SQLException e) {
                throw new IllegalStateException("could not load the students of " + today, e);
            }
        }
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        keepCubeOnToday();
        List<Spell> spells = decode(records, TopicCodec.FACTS_ENROLMENT, SpellFactReader::read, Spell::problemWith,
                Spell::of);
        List<EquipmentReport> reports = decode(records, TopicCodec.FACTS_EQUIPMENT, EquipmentReport::problemWith,
                EquipmentReport::of);
        List<Submission> done = decode(records, TopicCodec.FACTS_SUBMISSIONS, Submission::problemWith, Submission::of);
        // the cube takes the deltas in the same critical section as the commit: a reader holding the cube's read
        // lock sees the database and the cube at the same point
        Transactions.run(dataSource, c -> {
            equipment.store(c, reports);
            submissions.store(c, done);
            Map<DeltaKey, Integer> own = enrolment.apply(c, spells);
            Map<DeltaKey, Integer> all = inDoubt.pending() ? inDoubt.plus(offsets.load(c, TOPICS), own) : own;
            offsets.store(c, records);
            return new BatchDeltas(own, all);
        }, (c, deltas) -> {
            try {
                cube.commitAndApply(c, deltas.all());
            } catch (SQLException e) {
                Map<TopicPartition, Long> next = new HashMap<>();
                ConsumerLoop.nextOffsets(records).forEach((tp, offset) -> next.put(tp, offset.offset()));
                inDoubt.failed(next, deltas.own());
                throw e;
            }
            inDoubt.paid();
        });
        equipment.remember(reports);
        submissions.remember(done);
        cache.changed();
        if (catchUp.advance(records)) {
            LOG.infof("facts: caught up %d ms after the JVM started", CatchUp.uptime());
        }
        counters.committed(records, java.util.Map.of(Topics.FACTS_ENROLMENT, spells.size(), Topics.FACTS_EQUIPMENT,
                reports.size(), Topics.FACTS_SUBMISSIONS, done.size()));
    }

    /** The records of {@code codec}'s topic as domain values, read by the codec. */
    private static <F, T> List<T> decode(List<ConsumerRecord<String, byte[]>> records, TopicCodec<F> codec,
            Function<F, String> problem, Function<F, T> toDomain) {
        return decode(records, codec, codec::decode, problem, toDomain);
    }

    /**
     * The records of {@code codec}'s topic as domain values, read by {@code reader} (the codec's own, or for the
     * spells the streaming {@link SpellFactReader} that reads the same); a fact that cannot be used is logged and
     * skipped.
     */
    private static <F, T> List<T> decode(List<ConsumerRecord<String, byte[]>> records, TopicCodec<F> codec,
            Function<byte[], F> reader, Function<F, String> problem, Function<F, T> toDomain) {
        List<T> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (!r.topic().equals(codec.topic())) {
                continue;
            }
            try {
                F value = r.value() == null ? null : reader.apply(r.value());
                String wrong = value == null ? "empty" : problem.apply(value);
                if (wrong == null) {
                    decoded.add(toDomain.apply(value));
                } else {
                    LOG.errorf("fact at %s-%d@%d skipped: %s", r.topic(), r.partition(), r.offset(), wrong);
                }
            } catch (RuntimeException e) {
                LOG.errorf("fact at %s-%d@%d is unreadable, skipped: %s", r.topic(), r.partition(), r.offset(),
                        e.getMessage());
            }
        }
        return decoded;
    }
}
