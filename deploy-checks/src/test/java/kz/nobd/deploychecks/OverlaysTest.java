package kz.nobd.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kz.nobd.deploychecks.model.Manifest;
import kz.nobd.deploychecks.rules.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay of deploy/k8s renders with kubectl kustomize and passes every rule (docs/deploy.md, "Static checks"). */
class OverlaysTest {
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRuleHolds(String overlay) {
        Manifest manifest = Checks.rendered(overlay);
        List<String> problems = new ArrayList<>();
        for (Rule rule : Checks.forOverlay(overlay)) {
            rule.check(manifest).forEach(p -> problems.add(rule.getClass().getSimpleName() + ": " + p));
        }
        assertThat(problems).isEmpty();
        assertThat(manifest.items()).extracting(Manifest.Item::kind)
                .contains("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database", "Keycloak",
                        "KeycloakRealmImport", "Deployment", "StatefulSet", "PodDisruptionBudget",
                        "HorizontalPodAutoscaler", "NetworkPolicy", "ServiceMonitor", "Ingress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsInTheOverlaysNamespace(String overlay) {
        String namespace = overlay.equals("prod") ? "nobd" : "nobd-dev";
        Manifest manifest = Checks.rendered(overlay);
        assertThat(manifest.items()).filteredOn(i -> !i.kind().equals("Namespace"))
                .allSatisfy(i -> assertThat(((java.util.Map<?, ?>) i.raw().get("metadata")).get("namespace"))
                        .as(i.toString()).isEqualTo(namespace));
    }
}
