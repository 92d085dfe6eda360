package kz.nobd.deploychecks.rules;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import kz.nobd.deploychecks.model.Manifest;

/**
 * Every topic of kz.nobd.contracts.Topics is a KafkaTopic of the Kafka cluster, with the partitions and retention of
 * deploy/local/topics.txt, not compacted; and there is no KafkaTopic for anything else.
 */
public final class TopicRule implements Rule {
    /** A topic as deploy/local/topics.txt declares it. */
    public record Declared(int partitions, long retentionMs) {
    }

    private final Collection<String> topics;
    private final Map<String, Declared> declared;

    public TopicRule(Collection<String> topics, Map<String, Declared> declared) {
        this.topics = topics;
        this.declared = declared;
    }

    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        List<KafkaTopic> kafkaTopics = manifest.typed(KafkaTopic.class);
        Set<String> names = new TreeSet<>();
        for (KafkaTopic t : kafkaTopics) {
            String name = t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
            names.add(name);
            Declared d = declared.get(name);
            if (!topics.contains(name)) {
                problems.add("KafkaTopic/" + t.getMetadata().getName() + ": " + name + " is not a topic of contracts' Topics");
                continue;
            }
            if (d == null) {
                problems.add(name + ": not in deploy/local/topics.txt");
                continue;
            }
            if (!Objects.equals(t.getSpec().getPartitions(), d.partitions())) {
                problems.add(name + ": " + t.getSpec().getPartitions() + " partitions, topics.txt has " + d.partitions());
            }
            Map<String, Object> config = t.getSpec().getConfig() == null ? Map.of() : t.getSpec().getConfig();
            Object retention = config.get("retention.ms");
            if (retention == null || Long.parseLong(retention.toString()) != d.retentionMs()) {
                problems.add(name + ": retention.ms " + retention + ", topics.txt has " + d.retentionMs());
            }
            if (String.valueOf(config.get("cleanup.policy")).contains("compact")) {
                problems.add(name + ": compacted; every version must stay");
            }
            if (t.getMetadata().getLabels() == null || !t.getMetadata().getLabels().containsKey("strimzi.io/cluster")) {
                problems.add(name + ": no strimzi.io/cluster label");
            }
        }
        topics.stream().filter(topic -> !names.contains(topic))
                .forEach(topic -> problems.add(topic + ": no KafkaTopic (it is a topic of contracts' Topics)"));
        return problems;
    }
}
