package kz.nobd.deploychecks.rules;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.nobd.deploychecks.model.Manifest;

/**
 * Every Deployment and StatefulSet runs at least 2 pods, each container has the three Quarkus health probes and CPU
 * and memory requests and limits; each has a PodDisruptionBudget and a ServiceMonitor scraping a Service of its pods;
 * registry-service and ingest-service have an HPA of at least 2; report-service is a StatefulSet whose replica id is
 * the pod index.
 */
public final class WorkloadRule implements Rule {
    static final Set<String> AUTOSCALED = Set.of("registry-service", "ingest-service");

    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        for (Workloads w : Workloads.of(manifest)) {
            if (w.replicas() == null || w.replicas() < 2) {
                problems.add(w + ": replicas " + w.replicas() + ", needs at least 2");
            }
            for (Container c : w.template().getSpec().getContainers()) {
                probe(c.getStartupProbe(), "/q/health/started", "startupProbe", w + " " + c.getName(), problems);
                probe(c.getReadinessProbe(), "/q/health/ready", "readinessProbe", w + " " + c.getName(), problems);
                probe(c.getLivenessProbe(), "/q/health/live", "livenessProbe", w + " " + c.getName(), problems);
                resources(c.getResources(), w + " " + c.getName(), problems);
            }
            if (manifest.typed(PodDisruptionBudget.class).stream()
                    .noneMatch(p -> selects(p.getSpec().getSelector().getMatchLabels(), w.podLabels()))) {
                problems.add(w + ": no PodDisruptionBudget selects its pods");
            }
            if (!scraped(w, manifest)) {
                problems.add(w + ": no ServiceMonitor scrapes a Service of its pods");
            }
            if (AUTOSCALED.contains(w.name()) && manifest.typed(HorizontalPodAutoscaler.class).stream()
                    .noneMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(w.name())
                            && h.getSpec().getScaleTargetRef().getKind().equals(w.kind())
                            && h.getSpec().getMinReplicas() != null && h.getSpec().getMinReplicas() >= 2)) {
                problems.add(w + ": no HorizontalPodAutoscaler with at least 2 replicas");
            }
        }
        reportReplica(manifest, problems);
        return problems;
    }

    private static void probe(Probe probe, String path, String name, String where, List<String> problems) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + ": " + name + " must be an HTTP GET of " + path);
        }
    }

    private static void resources(ResourceRequirements r, String where, List<String> problems) {
        for (String resource : List.of("cpu", "memory")) {
            if (r == null || r.getRequests() == null || !r.getRequests().containsKey(resource)) {
                problems.add(where + ": no " + resource + " request");
            }
            if (r == null || r.getLimits() == null || !r.getLimits().containsKey(resource)) {
                problems.add(where + ": no " + resource + " limit");
            }
        }
    }

    private static boolean scraped(Workloads w, Manifest manifest) {
        for (Service service : manifest.typed(Service.class)) {
            if (!selects(service.getSpec().getSelector(), w.podLabels())) {
                continue;
            }
            Map<String, String> labels = service.getMetadata().getLabels();
            boolean monitored = manifest.typed(ServiceMonitor.class).stream()
                    .anyMatch(m -> selects(m.getSpec().getSelector().getMatchLabels(), labels)
                            && (m.getSpec().getSelector().getMatchExpressions() == null
                            || m.getSpec().getSelector().getMatchExpressions().stream()
                            .allMatch(e -> !"DoesNotExist".equals(e.getOperator()) || !labels.containsKey(e.getKey()))));
            if (monitored) {
                return true;
            }
        }
        return false;
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static void reportReplica(Manifest manifest, List<String> problems) {
        var report = Workloads.of(manifest).stream().filter(w -> w.name().equals("report-service")).findFirst();
        if (report.isEmpty()) {
            return;
        }
        if (!report.get().kind().equals("StatefulSet")) {
            problems.add(report.get() + ": must be a StatefulSet (a stable replica id per pod)");
        }
        boolean fromIndex = report.get().template().getSpec().getContainers().stream()
                .flatMap(c -> c.getEnv() == null ? java.util.stream.Stream.empty() : c.getEnv().stream())
                .anyMatch(e -> e.getName().equals("NOBD_REPORT_REPLICA") && e.getValueFrom() != null
                        && e.getValueFrom().getFieldRef() != null
                        && e.getValueFrom().getFieldRef().getFieldPath()
                        .equals("metadata.labels['apps.kubernetes.io/pod-index']"));
        if (!fromIndex) {
            problems.add(report.get() + ": NOBD_REPORT_REPLICA must come from the pod index label");
        }
    }
}
