package kz.nobd.deploychecks.rules;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.nobd.deploychecks.model.Cnpg;
import kz.nobd.deploychecks.model.KeycloakCr;
import kz.nobd.deploychecks.model.Manifest;

/**
 * Production sizes (the issue and docs/configuration.md): 3 brokers and 3 controllers, replication factor 3 and
 * min.insync.replicas 2 (the internal topics too), no topic with fewer replicas; 3 PostgreSQL instances archiving
 * WAL with a scheduled backup; 2 Keycloak pods.
 */
public final class ProductionRule implements Rule {
    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        for (KafkaNodePool pool : manifest.typed(KafkaNodePool.class)) {
            if (pool.getSpec().getReplicas() < 3) {
                problems.add("KafkaNodePool/" + pool.getMetadata().getName() + ": " + pool.getSpec().getReplicas()
                        + " replicas, prod needs 3");
            }
        }
        if (manifest.typed(KafkaNodePool.class).stream().noneMatch(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))) {
            problems.add("no broker KafkaNodePool");
        }
        for (Kafka kafka : manifest.typed(Kafka.class)) {
            Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
            expect(config, "default.replication.factor", 3, problems);
            expect(config, "min.insync.replicas", 2, problems);
            expect(config, "offsets.topic.replication.factor", 3, problems);
            expect(config, "transaction.state.log.replication.factor", 3, problems);
            expect(config, "transaction.state.log.min.isr", 2, problems);
        }
        for (KafkaTopic topic : manifest.typed(KafkaTopic.class)) {
            if (topic.getSpec().getReplicas() != null && topic.getSpec().getReplicas() < 3) {
                problems.add("KafkaTopic/" + topic.getMetadata().getName() + ": " + topic.getSpec().getReplicas() + " replicas");
            }
        }
        for (Cnpg.Cluster cluster : manifest.typed(Cnpg.Cluster.class)) {
            String name = cluster.metadata().getName();
            if (cluster.spec().instances() == null || cluster.spec().instances() < 3) {
                problems.add("Cluster/" + name + ": " + cluster.spec().instances() + " instances, prod needs 3");
            }
            boolean archives = cluster.spec().plugins() != null
                    && cluster.spec().plugins().stream().anyMatch(p -> Boolean.TRUE.equals(p.isWALArchiver()));
            if (!archives) {
                problems.add("Cluster/" + name + ": no WAL archiving (a plugin with isWALArchiver)");
            }
            if (manifest.typed(Cnpg.ScheduledBackup.class).stream().noneMatch(b -> b.spec().cluster().name().equals(name))) {
                problems.add("Cluster/" + name + ": no ScheduledBackup");
            }
        }
        for (KeycloakCr.Keycloak keycloak : manifest.typed(KeycloakCr.Keycloak.class)) {
            if (keycloak.spec().instances() == null || keycloak.spec().instances() < 2) {
                problems.add("Keycloak/" + keycloak.metadata().getName() + ": " + keycloak.spec().instances() + " instances");
            }
        }
        return problems;
    }

    private static void expect(Map<String, Object> config, String key, int value, List<String> problems) {
        Object actual = config == null ? null : config.get(key);
        if (actual == null || Integer.parseInt(actual.toString()) != value) {
            problems.add("Kafka " + key + " is " + actual + ", prod needs " + value);
        }
    }
}
