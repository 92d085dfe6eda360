package kz.nobd.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kz.nobd.deploychecks.model.Manifest;
import kz.nobd.deploychecks.rules.ExternalObjects;
import kz.nobd.deploychecks.rules.ImageRule;
import kz.nobd.deploychecks.rules.ProductionRule;
import kz.nobd.deploychecks.rules.ReferenceRule;
import kz.nobd.deploychecks.rules.SchemaRule;
import kz.nobd.deploychecks.rules.WorkloadRule;
import org.junit.jupiter.api.Test;

/** Each rule fails on an overlay broken in the way it guards against (the rendered overlays, changed in one place). */
class RulesTest {
    private static Manifest dev() {
        return Checks.rendered("dev");
    }

    private static Manifest prod() {
        return Checks.rendered("prod");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String... path) {
        Map<String, Object> m = parent;
        for (String key : path) {
            m = (Map<String, Object>) m.get(key);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> workload) {
        return ((List<Map<String, Object>>) map(workload, "spec", "template", "spec").get("containers")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> env(Map<String, Object> workload) {
        return (List<Map<String, Object>>) container(workload).get("env");
    }

    @Test
    void aTopicOfContractsWithoutKafkaTopicFails() {
        assertThat(Checks.topicRule().check(dev().without("KafkaTopic", "signoff-returns-v1")))
                .containsExactly("signoff.returns.v1: no KafkaTopic (it is a topic of contracts' Topics)");
    }

    @Test
    void aTopicWithOtherRetentionOrPartitionsFails() {
        Manifest broken = dev().with("KafkaTopic", "ingest-enrolment-v1", t -> {
            map(t, "spec").put("partitions", 6);
            map(t, "spec", "config").put("retention.ms", -1);
        });
        assertThat(Checks.topicRule().check(broken)).containsExactly(
                "ingest.enrolment.v1: 6 partitions, topics.txt has 3",
                "ingest.enrolment.v1: retention.ms -1, topics.txt has 604800000");
    }

    @Test
    void anAclBeyondKafkaAclsTxtFails() {
        Manifest broken = dev().with("KafkaUser", "report", u -> {
            @SuppressWarnings("unchecked")
            var acls = (List<Map<String, Object>>) map(u, "spec", "authorization").get("acls");
            acls.add(Map.of("resource", Map.of("type", "topic", "name", "ingest.enrolment.v1", "patternType", "literal"),
                    "operations", List.of("Read")));
        });
        assertThat(Checks.aclRule().check(broken)).containsExactly("KafkaUser/report: ACLs differ from kafka-acls.txt;"
                + " extra [READ TOPIC ingest.enrolment.v1 LITERAL], missing []");
    }

    @Test
    void aMissingRequiredVariableFails() {
        Manifest broken = dev().with("Deployment", "ingest-service",
                d -> env(d).removeIf(e -> e.get("name").equals("NOBD_PSEUDONYM_KEY")));
        assertThat(Checks.envRule().check(broken)).containsExactly("Deployment/ingest-service: NOBD_PSEUDONYM_KEY is"
                + " required by ingest-service/src/main/resources/application.properties and not set");
    }

    @Test
    void requiredVariablesAreThoseWithoutDefaultOrWithTheDevInstanceAsDefault() {
        String properties = """
                a=${NOBD_A}
                b=${NOBD_B:x}
                c=${NOBD_C:jdbc:postgresql://127.0.0.1:15432/c}
                d=${nobd.secret.d}
                %test.e=${NOBD_E}
                """;
        assertThat(ServiceConfig.required(properties)).containsExactly("NOBD_A", "NOBD_C");
    }

    @Test
    void aSecretNobodyProvidesFails() {
        Manifest broken = dev().with("StatefulSet", "report-service", s -> env(s).stream()
                .filter(e -> e.get("name").equals("NOBD_REPORT_DB_PASSWORD"))
                .forEach(e -> map(e, "valueFrom", "secretKeyRef").put("name", "nobd-db-typo")));
        assertThat(new ReferenceRule(ExternalObjects.of("dev")).check(broken)).containsExactly(
                "StatefulSet/report-service NOBD_REPORT_DB_PASSWORD: refers to Secret nobd-db-typo, which neither the"
                        + " overlay, an operator nor external-objects.txt provides");
    }

    @Test
    void aKeyTheSecretDoesNotHaveFails() {
        Manifest broken = dev().with("Deployment", "registry-service", d -> env(d).stream()
                .filter(e -> e.get("name").equals("NOBD_REGISTRY_KAFKA_PASSWORD"))
                .forEach(e -> map(e, "valueFrom", "secretKeyRef").put("key", "pass")));
        assertThat(new ReferenceRule(ExternalObjects.of("dev")).check(broken)).containsExactly(
                "Deployment/registry-service NOBD_REGISTRY_KAFKA_PASSWORD: refers to key pass of Secret registry,"
                        + " which has only [password, sasl.jaas.config]");
    }

    @Test
    void prodRefersOnlyToWhatExternalObjectsTxtLists() {
        assertThat(new ReferenceRule(ExternalObjects.none()).check(prod()))
                .anyMatch(p -> p.startsWith("Deployment/ingest-service NOBD_PSEUDONYM_KEY: refers to Secret nobd-pseudonym-key"));
    }

    @Test
    void aContainerWithoutProbesOrLimitsFails() {
        Manifest broken = dev().with("Deployment", "dashboard", d -> {
            container(d).remove("livenessProbe");
            map(container(d), "resources").remove("limits");
        });
        assertThat(new WorkloadRule().check(broken)).containsExactly(
                "Deployment/dashboard dashboard: livenessProbe must be an HTTP GET of /q/health/live",
                "Deployment/dashboard dashboard: no cpu limit",
                "Deployment/dashboard dashboard: no memory limit");
    }

    @Test
    void oneReplicaNoBudgetNoAutoscalerOrNoMonitorFails() {
        Manifest broken = dev().with("Deployment", "registry-service", d -> map(d, "spec").put("replicas", 1))
                .without("PodDisruptionBudget", "registry-service")
                .without("HorizontalPodAutoscaler", "registry-service")
                .without("ServiceMonitor", "registry-service");
        assertThat(new WorkloadRule().check(broken)).containsExactly(
                "Deployment/registry-service: replicas 1, needs at least 2",
                "Deployment/registry-service: no PodDisruptionBudget selects its pods",
                "Deployment/registry-service: no ServiceMonitor scrapes a Service of its pods",
                "Deployment/registry-service: no HorizontalPodAutoscaler with at least 2 replicas");
    }

    @Test
    void aReportReplicaIdNotFromThePodIndexFails() {
        Manifest broken = dev().with("StatefulSet", "report-service", s -> env(s).stream()
                .filter(e -> e.get("name").equals("NOBD_REPORT_REPLICA"))
                .forEach(e -> { e.remove("valueFrom"); e.put("value", "0"); }));
        assertThat(new WorkloadRule().check(broken))
                .containsExactly("StatefulSet/report-service: NOBD_REPORT_REPLICA must come from the pod index label");
    }

    @Test
    void anUnpinnedImageFails() {
        Manifest broken = dev()
                .with("Deployment", "dashboard", d -> container(d).put("image", "nobd/dashboard"))
                .with("Keycloak", "nobd-keycloak", k -> map(k, "spec").put("image", "quay.io/keycloak/keycloak:latest"));
        assertThat(new ImageRule().check(broken)).containsExactlyInAnyOrder(
                "Deployment/dashboard: image nobd/dashboard is not pinned (a tag or a sha256 digest)",
                "Keycloak/nobd-keycloak: image quay.io/keycloak/keycloak:latest uses the tag latest");
        List<String> ok = new java.util.ArrayList<>();
        ImageRule.check("registry.example/nobd/dashboard@sha256:" + "a".repeat(64), "x", ok);
        assertThat(ok).isEmpty();
    }

    @Test
    void anUnknownFieldOrKindFails() {
        Manifest broken = dev()
                .with("Deployment", "ingest-service", d -> container(d).put("livenesProbe", Map.of()))
                .with("KafkaTopic", "facts-enrolment-v1", t -> map(t, "spec").put("replica", 3))
                .with("Cluster", "nobd-db", c -> map(c, "spec").put("instance", 3))
                .with("Keycloak", "nobd-keycloak", k -> map(k, "spec", "proxy").put("headers", "x-forwarded"))
                .plus("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w}\n");
        assertThat(new SchemaRule().check(broken))
                .anyMatch(p -> p.startsWith("Deployment/ingest-service") && p.contains("unknown field(s) [livenesProbe]"))
                .anyMatch(p -> p.startsWith("KafkaTopic/facts-enrolment-v1") && p.contains("unknown field(s) [replica]"))
                .anyMatch(p -> p.startsWith("Cluster/nobd-db: not a valid postgresql.cnpg.io/v1 Cluster")
                        && p.contains("\"instance\""))
                .anyMatch(p -> p.startsWith("Keycloak/nobd-keycloak: not a valid") && p.contains("x-forwarded"))
                .contains("Widget/w: unknown kind example.org/v1 Widget")
                .hasSize(5);
    }

    @Test
    void aDemoSecretOrUserInProdFails() {
        Manifest broken = prod()
                .plus("apiVersion: v1\nkind: Secret\nmetadata: {name: leftover}\nstringData: {a: b}\n")
                .with("KeycloakRealmImport", "nobd-realm", r -> {
                    @SuppressWarnings("unchecked")
                    var users = (List<Map<String, Object>>) map(r, "spec", "realm").get("users");
                    users.add(Map.of("username", "oblast.akmola", "enabled", true,
                            "credentials", List.of(Map.of("type", "password", "value", "demo"))));
                    @SuppressWarnings("unchecked")
                    var clients = (List<Map<String, Object>>) map(r, "spec", "realm").get("clients");
                    clients.stream().filter(c -> c.get("clientId").equals("nobd-report-consumer"))
                            .forEach(c -> c.put("secret", "demo-report-consumer-secret"));
                });
        assertThat(Checks.noDemoRule().check(broken))
                .contains("Secret/leftover: prod holds no Secret (external-objects.txt lists what the platform creates)",
                        "KeycloakRealmImport/nobd-realm: a secret or user of the demo realm: oblast.akmola",
                        "realm nobd: user oblast.akmola is not a client's service account without credentials",
                        "realm client nobd-report-consumer: its secret is not a placeholder")
                .anyMatch(p -> p.contains("demo or dev-only text: demo-report-consumer-secret"));
        assertThat(Checks.noDemoRule().check(dev())).isNotEmpty();
    }

    @Test
    void prodSizesBelowTheIssuesFail() {
        Manifest broken = prod()
                .with("KafkaNodePool", "broker", p -> map(p, "spec").put("replicas", 1))
                .with("Kafka", "nobd-kafka", k -> map(k, "spec", "kafka", "config").put("min.insync.replicas", 1))
                .with("Cluster", "nobd-db", c -> map(c, "spec").remove("plugins"))
                .without("ScheduledBackup", "nobd-db-daily");
        assertThat(new ProductionRule().check(broken)).containsExactly(
                "KafkaNodePool/broker: 1 replicas, prod needs 3",
                "Kafka min.insync.replicas is 1, prod needs 2",
                "Cluster/nobd-db: no WAL archiving (a plugin with isWALArchiver)",
                "Cluster/nobd-db: no ScheduledBackup");
        assertThat(new ProductionRule().check(dev())).isNotEmpty();
    }

    @Test
    void aRealmOutOfStepWithTheDemoRealmFails() {
        Manifest broken = prod().with("KeycloakRealmImport", "nobd-realm", r -> {
            map(r, "spec", "realm").put("bruteForceProtected", false);
            map(r, "spec", "realm").put("passwordPolicy", "length(8)");
            @SuppressWarnings("unchecked")
            var clients = (List<Map<String, Object>>) map(r, "spec", "realm").get("clients");
            clients.stream().filter(c -> c.get("clientId").equals("nobd-dashboard"))
                    .forEach(c -> c.remove("protocolMappers"));
        });
        assertThat(new kz.nobd.deploychecks.rules.RealmRule(Checks.demoRealm(), Checks.TEMPORARY_PASSWORD_LENGTH)
                .check(broken)).containsExactly(
                "realm clients differ from deploy/keycloak/nobd-realm.json: [nobd-dashboard]",
                "realm nobd: brute-force protection is off",
                "realm nobd: password policy length(8) must ask for length(12...16)");
    }

    @Test
    void withoutKubectlTheChecksFailNamingTheInstall() {
        assertThatThrownBy(() -> Kustomize.kubectl(Map.of("PATH", "/nonexistent")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install kubernetes-client");
    }
}
