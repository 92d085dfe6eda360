package kz.nobd.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.ReturnStatus;
import kz.nobd.contracts.events.ReturnStatusChange;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.testing.Ids;
import kz.nobd.testing.KafkaLogins;

/**
 * The test broker as deploy/local/nobd sets it up (deploy/local/kafka-acls.txt): only authenticated users get in,
 * and each may touch only its own topics. The raw input topics hold IINs: only ingest reads them, and the outside
 * producer may write them but not read them back; report reads facts and cards, never the input, and alone writes
 * the sign-off status changes.
 */
class KafkaAclTest {
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);

    @Test
    void aClientThatDoesNotAuthenticateIsRefused() {
        Properties props = KafkaLogins.anonymous(KafkaLogins.ADMIN);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REFUSED_WITHIN.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSED_WITHIN.toMillis());
        ListTopicsOptions options = new ListTopicsOptions().timeoutMs((int) REFUSED_WITHIN.toMillis());
        try (Admin admin = Admin.create(props)) {
            assertThatThrownBy(() -> admin.listTopics(options).names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties props = KafkaLogins.of("report");
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"report\" password=\"not-" + UUID.randomUUID() + "\";");
        try (Admin admin = Admin.create(props)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void reportReadsFactsButNotTheInputTopics() {
        try (KafkaConsumer<String, String> report = consumer("report")) {
            assertThat(report.partitionsFor(Topics.FACTS_ENROLMENT, Duration.ofSeconds(30))).hasSize(3);
            report.assign(List.of(new TopicPartition(Topics.INGEST_ENROLMENT, 0)));
            assertThatThrownBy(() -> report.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(Topics.INGEST_ENROLMENT);
        }
    }

    @Test
    void theOutsideProducerWritesTheInputTopicsOnly() throws Exception {
        try (KafkaProducer<String, String> outside = producer(KafkaLogins.OUTSIDE_PRODUCER)) {
            assertThat(outside.send(new ProducerRecord<>(Topics.INGEST_EQUIPMENT, "acl-test", "not JSON"))
                    .get(30, TimeUnit.SECONDS).topic()).isEqualTo(Topics.INGEST_EQUIPMENT);
            assertThatThrownBy(() -> outside.send(new ProducerRecord<>(Topics.FACTS_ENROLMENT, "acl-test", "{}"))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> outside = consumer(KafkaLogins.OUTSIDE_PRODUCER)) {
            outside.assign(List.of(new TopicPartition(Topics.INGEST_ENROLMENT, 0)));
            assertThatThrownBy(() -> outside.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void onlyReportWritesTheSignOffTopicAndTheOutsideProducerCannotReadIt() throws Exception {
        String bin = Ids.bin();
        ReturnStatusChange change = new ReturnStatusChange(1, UUID.randomUUID(), SignoffKind.ENROLMENT,
                "enrolment (KafkaAclTest)", LocalDate.now(), bin, null, null, ReturnStatus.DRAFT, Instant.now(), "nobd",
                "system", null, null);
        String value = TopicCodec.SIGNOFF_RETURNS.encodeToString(change);
        try (KafkaProducer<String, String> report = producer("report")) {
            assertThat(report.send(new ProducerRecord<>(Topics.SIGNOFF_RETURNS, bin, value)).get(30, TimeUnit.SECONDS)
                    .topic()).isEqualTo(Topics.SIGNOFF_RETURNS);
        }
        try (KafkaProducer<String, String> ingest = producer("ingest")) {
            assertThatThrownBy(() -> ingest.send(new ProducerRecord<>(Topics.SIGNOFF_RETURNS, bin, value))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> outside = consumer(KafkaLogins.OUTSIDE_PRODUCER)) {
            outside.assign(List.of(new TopicPartition(Topics.SIGNOFF_RETURNS, 0)));
            assertThatThrownBy(() -> outside.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(Topics.SIGNOFF_RETURNS);
        }
    }

    @Test
    void ingestCannotWriteTheRegistryTopic() {
        try (KafkaProducer<String, String> ingest = producer("ingest")) {
            assertThatThrownBy(() -> ingest.send(new ProducerRecord<>(Topics.REGISTRY_INSTITUTIONS, "acl-test", "{}"))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** A consumer without a group: what it may read depends on the topic ACLs alone. */
    private static KafkaConsumer<String, String> consumer(String user) {
        Properties props = KafkaLogins.of(user);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(String user) {
        Properties props = KafkaLogins.of(user);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
