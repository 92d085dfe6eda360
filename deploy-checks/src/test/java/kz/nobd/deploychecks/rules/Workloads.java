package kz.nobd.deploychecks.rules;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.nobd.deploychecks.model.Manifest;

/** The Deployments and StatefulSets of a manifest as one shape: name, kind, replicas, pod template. */
record Workloads(String kind, ObjectMeta metadata, Integer replicas, PodTemplateSpec template) {
    static List<Workloads> of(Manifest manifest) {
        List<Workloads> all = new ArrayList<>();
        manifest.typed(Deployment.class).forEach(d -> all.add(
                new Workloads("Deployment", d.getMetadata(), d.getSpec().getReplicas(), d.getSpec().getTemplate())));
        manifest.typed(StatefulSet.class).forEach(s -> all.add(
                new Workloads("StatefulSet", s.getMetadata(), s.getSpec().getReplicas(), s.getSpec().getTemplate())));
        return all;
    }

    String name() {
        return metadata.getName();
    }

    Map<String, String> podLabels() {
        return template.getMetadata() == null || template.getMetadata().getLabels() == null
                ? Map.of() : template.getMetadata().getLabels();
    }

    @Override
    public String toString() {
        return kind + "/" + name();
    }
}
