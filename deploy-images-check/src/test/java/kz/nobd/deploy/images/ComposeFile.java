package kz.nobd.deploy.images;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/compose/compose.yaml as the checks read it. */
record ComposeFile(Map<String, Map<String, Object>> services, String text) {
    static final String PATH = "deploy/compose/compose.yaml";
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?");

    @SuppressWarnings("unchecked")
    static ComposeFile read() {
        Map<String, Object> yaml = Repo.yaml(PATH);
        return new ComposeFile((Map<String, Map<String, Object>>) yaml.get("services"), Repo.text(PATH));
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services.get(name);
        if (service == null) {
            throw new AssertionError("no service " + name + " in " + PATH);
        }
        return service;
    }

    String image(String name) {
        return String.valueOf(service(name).get("image"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).getOrDefault("environment", Map.of());
    }

    @SuppressWarnings("unchecked")
    List<String> list(String name, String key) {
        return (List<String>) service(name).getOrDefault(key, List.of());
    }

    /** depends_on: the service each one waits for, with the condition. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> dependsOn(String name) {
        return (Map<String, Map<String, Object>>) service(name).getOrDefault("depends_on", Map.of());
    }

    /** The container ports a service publishes (the last part of "host:port:container"). */
    Set<Integer> publishedContainerPorts(String name) {
        Set<Integer> ports = new TreeSet<>();
        for (String mapping : list(name, "ports")) {
            ports.add(Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)));
        }
        return ports;
    }

    /** Every variable the file requires from its .env (${NAME:?message}). */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>();
        Matcher m = REQUIRED.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
