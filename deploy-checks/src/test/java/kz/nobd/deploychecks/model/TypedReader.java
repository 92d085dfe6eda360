package kz.nobd.deploychecks.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.Map;

/**
 * Reads a raw object into its typed class: the Kubernetes kinds and the Prometheus Operator's monitors through fabric8's
 * registry of model classes, Strimzi's kinds into Strimzi's API classes, CloudNativePG's and the Keycloak operator's
 * into {@link CustomResources} (strictly: an unknown field is an error). An apiVersion/kind nobody knows stays a
 * {@link GenericKubernetesResource}, which {@code SchemaRule} reports.
 */
final class TypedReader {
    static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final String STRIMZI_V1 = "kafka.strimzi.io/v1";
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        // Strimzi's v1 API (0.49+); some of the classes name an older version in their annotations
        KUBERNETES.registerKubernetesResource(STRIMZI_V1, "Kafka", Kafka.class);
        KUBERNETES.registerKubernetesResource(STRIMZI_V1, "KafkaNodePool", KafkaNodePool.class);
        KUBERNETES.registerKubernetesResource(STRIMZI_V1, "KafkaTopic", KafkaTopic.class);
        KUBERNETES.registerKubernetesResource(STRIMZI_V1, "KafkaUser", KafkaUser.class);
    }

    private TypedReader() {
    }

    static Object read(String apiVersion, String kind, Map<String, Object> raw) {
        Class<?> custom = CustomResources.type(apiVersion, kind);
        try {
            if (custom != null) {
                return STRICT.convertValue(raw, custom);
            }
            Class<?> type = KUBERNETES.getRegisteredKubernetesResource(apiVersion, kind);
            Class<?> target = type != null ? type : GenericKubernetesResource.class;
            return KUBERNETES.convertValue(raw, target);
        } catch (IllegalArgumentException e) {
            return new Unreadable(apiVersion + " " + kind, e.getMessage());
        }
    }
}
