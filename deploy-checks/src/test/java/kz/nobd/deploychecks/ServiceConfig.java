package kz.nobd.deploychecks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's packaged jar (prod profile) needs from its environment, read from its application.properties:
 * every {@code ${VAR}} without a default outside the %dev and %test profiles, and every {@code ${VAR:default}} whose
 * default is the local dev instance (127.0.0.1), which would be wrong in a cluster.
 */
public record ServiceConfig(String module, Set<String> required) {
    public static final List<String> MODULES = List.of("registry-service", "ingest-service", "report-service", "dashboard");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    public static ServiceConfig of(String module) {
        return new ServiceConfig(module, required(Repo.read(module + "/src/main/resources/application.properties")));
    }

    static Set<String> required(String properties) {
        Set<String> required = new LinkedHashSet<>();
        for (String line : properties.replace("\\\n", "").lines().toList()) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("%")) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (m.group(2) == null || m.group(2).contains("127.0.0.1")) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }
}
