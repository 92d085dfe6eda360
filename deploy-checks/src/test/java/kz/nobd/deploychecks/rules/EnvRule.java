package kz.nobd.deploychecks.rules;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.nobd.deploychecks.ServiceConfig;
import kz.nobd.deploychecks.model.Manifest;

/** Each service's workload sets every variable its application.properties requires ({@link ServiceConfig}). */
public final class EnvRule implements Rule {
    private final List<ServiceConfig> services;

    public EnvRule(List<ServiceConfig> services) {
        this.services = services;
    }

    @Override
    public List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : services) {
            Optional<Workloads> workload = Workloads.of(manifest).stream()
                    .filter(w -> w.name().equals(service.module())).findFirst();
            if (workload.isEmpty()) {
                problems.add(service.module() + ": no Deployment or StatefulSet");
                continue;
            }
            Optional<Container> container = workload.get().template().getSpec().getContainers().stream()
                    .filter(c -> c.getName().equals(service.module())).findFirst();
            if (container.isEmpty()) {
                problems.add(workload.get() + ": no container " + service.module());
                continue;
            }
            Set<String> set = names(container.get(), manifest);
            service.required().stream().filter(v -> !set.contains(v)).forEach(v ->
                    problems.add(workload.get() + ": " + v + " is required by " + service.module()
                            + "/src/main/resources/application.properties and not set"));
        }
        return problems;
    }

    private static Set<String> names(Container container, Manifest manifest) {
        Set<String> names = new HashSet<>();
        if (container.getEnv() != null) {
            container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        }
        if (container.getEnvFrom() != null) {
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    manifest.typed(ConfigMap.class).stream()
                            .filter(cm -> cm.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                            .filter(cm -> cm.getData() != null)
                            .forEach(cm -> names.addAll(cm.getData().keySet()));
                }
            }
        }
        return names;
    }
}
