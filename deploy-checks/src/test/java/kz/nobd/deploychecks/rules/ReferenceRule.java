package kz.nobd.deploychecks.rules;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.strimzi.api.kafka.model.common.metrics.JmxPrometheusExporterMetrics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.nobd.deploychecks.model.Cnpg;
import kz.nobd.deploychecks.model.KeycloakCr;
import kz.nobd.deploychecks.model.Manifest;

/**
 * Every Secret and ConfigMap an object refers to (with the key it reads) exists: in the rendered overlay, as one an
 * operator makes from an object of the overlay (a KafkaUser's password, Strimzi's cluster CA, CloudNativePG's CA,
 * Keycloak's first admin), or in the overlay's external-objects.txt.
 */
public final class ReferenceRule implements Rule {
    private final ExternalObjects external;

    public ReferenceRule(ExternalObjects external) {
        this.external = external;
    }

    record Ref(String kind, String name, String key, String from) {
    }

    @Override
    public List<String> check(Manifest manifest) {
        Map<String, Set<String>> available = available(manifest);
        external.entries().forEach(e -> available.merge(e.kind() + "/" + e.name(), e.keys(), ReferenceRule::union));
        List<String> problems = new ArrayList<>();
        for (Ref ref : references(manifest)) {
            Set<String> keys = available.get(ref.kind() + "/" + ref.name());
            if (keys == null) {
                problems.add(ref.from() + ": refers to " + ref.kind() + " " + ref.name()
                        + ", which neither the overlay, an operator nor external-objects.txt provides");
            } else if (ref.key() != null && !keys.contains("*") && !keys.contains(ref.key())) {
                problems.add(ref.from() + ": refers to key " + ref.key() + " of " + ref.kind() + " " + ref.name()
                        + ", which has only " + new java.util.TreeSet<>(keys));
            }
        }
        return problems;
    }

    private static Map<String, Set<String>> available(Manifest manifest) {
        Map<String, Set<String>> available = new HashMap<>();
        for (Secret s : manifest.typed(Secret.class)) {
            Set<String> keys = new HashSet<>();
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            available.put("Secret/" + s.getMetadata().getName(), keys);
        }
        for (ConfigMap c : manifest.typed(ConfigMap.class)) {
            Set<String> keys = new HashSet<>();
            if (c.getData() != null) {
                keys.addAll(c.getData().keySet());
            }
            if (c.getBinaryData() != null) {
                keys.addAll(c.getBinaryData().keySet());
            }
            available.put("ConfigMap/" + c.getMetadata().getName(), keys);
        }
        // made by the operators (their documented names and keys)
        manifest.typed(KafkaUser.class).forEach(u ->
                available.put("Secret/" + u.getMetadata().getName(), Set.of("password", "sasl.jaas.config")));
        manifest.typed(Kafka.class).forEach(k -> available.put("Secret/" + k.getMetadata().getName() + "-cluster-ca-cert",
                Set.of("ca.crt", "ca.p12", "ca.password")));
        manifest.typed(Cnpg.Cluster.class).forEach(c ->
                available.put("Secret/" + c.metadata().getName() + "-ca", Set.of("ca.crt", "ca.key")));
        manifest.typed(KeycloakCr.Keycloak.class).forEach(k ->
                available.put("Secret/" + k.metadata().getName() + "-initial-admin", Set.of("username", "password")));
        return available;
    }

    private static List<Ref> references(Manifest manifest) {
        List<Ref> refs = new ArrayList<>();
        Workloads.of(manifest).forEach(w -> podRefs(w.template().getSpec(), w.toString(), refs));
        for (Cnpg.Cluster c : manifest.typed(Cnpg.Cluster.class)) {
            String from = "Cluster/" + c.metadata().getName();
            if (c.spec().bootstrap() != null && c.spec().bootstrap().initdb() != null
                    && c.spec().bootstrap().initdb().secret() != null) {
                basicAuth(c.spec().bootstrap().initdb().secret().name(), from, refs);
            }
            if (c.spec().managed() != null) {
                c.spec().managed().roles().stream().filter(r -> r.passwordSecret() != null)
                        .forEach(r -> basicAuth(r.passwordSecret().name(), from, refs));
            }
        }
        for (Cnpg.ObjectStore o : manifest.typed(Cnpg.ObjectStore.class)) {
            var s3 = o.spec().configuration().s3Credentials();
            if (s3 != null) {
                String from = "ObjectStore/" + o.metadata().getName();
                refs.add(new Ref("Secret", s3.accessKeyId().name(), s3.accessKeyId().key(), from));
                refs.add(new Ref("Secret", s3.secretAccessKey().name(), s3.secretAccessKey().key(), from));
            }
        }
        for (KeycloakCr.Keycloak k : manifest.typed(KeycloakCr.Keycloak.class)) {
            String from = "Keycloak/" + k.metadata().getName();
            var db = k.spec().db();
            refs.add(new Ref("Secret", db.usernameSecret().getName(), db.usernameSecret().getKey(), from));
            refs.add(new Ref("Secret", db.passwordSecret().getName(), db.passwordSecret().getKey(), from));
            if (k.spec().http() != null && k.spec().http().tlsSecret() != null) {
                refs.add(new Ref("Secret", k.spec().http().tlsSecret(), "tls.crt", from));
            }
        }
        for (KeycloakCr.RealmImport r : manifest.typed(KeycloakCr.RealmImport.class)) {
            if (r.spec().placeholders() != null) {
                r.spec().placeholders().forEach((name, p) -> refs.add(new Ref("Secret", p.secret().getName(),
                        p.secret().getKey(), "KeycloakRealmImport/" + r.metadata().getName() + " placeholder " + name)));
            }
        }
        for (Ingress i : manifest.typed(Ingress.class)) {
            if (i.getSpec().getTls() != null) {
                for (IngressTLS tls : i.getSpec().getTls()) {
                    refs.add(new Ref("Secret", tls.getSecretName(), "tls.crt", "Ingress/" + i.getMetadata().getName()));
                    refs.add(new Ref("Secret", tls.getSecretName(), "tls.key", "Ingress/" + i.getMetadata().getName()));
                }
            }
        }
        for (Kafka k : manifest.typed(Kafka.class)) {
            if (k.getSpec().getKafka().getMetricsConfig() instanceof JmxPrometheusExporterMetrics jmx) {
                var ref = jmx.getValueFrom().getConfigMapKeyRef();
                refs.add(new Ref("ConfigMap", ref.getName(), ref.getKey(), "Kafka/" + k.getMetadata().getName()));
            }
        }
        return refs;
    }

    private static void basicAuth(String secret, String from, List<Ref> refs) {
        refs.add(new Ref("Secret", secret, "username", from));
        refs.add(new Ref("Secret", secret, "password", from));
    }

    private static void podRefs(PodSpec pod, String from, List<Ref> refs) {
        for (Container c : pod.getContainers()) {
            for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                var source = env.getValueFrom();
                if (source != null && source.getSecretKeyRef() != null) {
                    refs.add(new Ref("Secret", source.getSecretKeyRef().getName(), source.getSecretKeyRef().getKey(),
                            from + " " + env.getName()));
                }
                if (source != null && source.getConfigMapKeyRef() != null) {
                    refs.add(new Ref("ConfigMap", source.getConfigMapKeyRef().getName(),
                            source.getConfigMapKeyRef().getKey(), from + " " + env.getName()));
                }
            }
            if (c.getEnvFrom() != null) {
                c.getEnvFrom().forEach(e -> {
                    if (e.getConfigMapRef() != null) {
                        refs.add(new Ref("ConfigMap", e.getConfigMapRef().getName(), null, from + " envFrom"));
                    }
                    if (e.getSecretRef() != null) {
                        refs.add(new Ref("Secret", e.getSecretRef().getName(), null, from + " envFrom"));
                    }
                });
            }
        }
        for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
            if (v.getSecret() != null) {
                keys(v.getSecret().getItems()).forEach(key ->
                        refs.add(new Ref("Secret", v.getSecret().getSecretName(), key, from + " volume " + v.getName())));
            }
            if (v.getConfigMap() != null) {
                keys(v.getConfigMap().getItems()).forEach(key ->
                        refs.add(new Ref("ConfigMap", v.getConfigMap().getName(), key, from + " volume " + v.getName())));
            }
        }
    }

    private static List<String> keys(List<KeyToPath> items) {
        if (items == null || items.isEmpty()) {
            List<String> whole = new ArrayList<>();
            whole.add(null);
            return whole;
        }
        return items.stream().map(KeyToPath::getKey).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
