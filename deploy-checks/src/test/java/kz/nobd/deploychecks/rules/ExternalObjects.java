package kz.nobd.deploychecks.rules;

import java.util.List;
import java.util.Set;
import kz.nobd.deploychecks.Repo;

/** An overlay's external-objects.txt: the Secrets and ConfigMaps the platform creates before applying it. */
public record ExternalObjects(List<Entry> entries) {
    public record Entry(String kind, String name, Set<String> keys) {
        boolean has(String key) {
            return keys.contains("*") || key == null || keys.contains(key);
        }
    }

    public static ExternalObjects of(String overlay) {
        String file = "deploy/k8s/overlays/" + overlay + "/external-objects.txt";
        return new ExternalObjects(Repo.columns(file).stream()
                .map(c -> new Entry(c[0], c[1], Set.of(c[2].split(",")))).toList());
    }

    public static ExternalObjects none() {
        return new ExternalObjects(List.of());
    }
}
