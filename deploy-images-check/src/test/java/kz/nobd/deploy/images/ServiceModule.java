package kz.nobd.deploy.images;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

/**
 * A service of the build (a module of the parent POM packaged by the Quarkus plugin) as its prod profile reads its
 * application.properties: its HTTP port and the environment variables it needs.
 */
record ServiceModule(String name, int port, Set<String> requiredVariables, Set<String> localDefaultVariables) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    /** Every module of the parent POM's default build that is a Quarkus application. */
    static List<ServiceModule> all() {
        return Repo.texts(Repo.pom("pom.xml"), "modules").stream()
                .filter(m -> Repo.text(m + "/pom.xml").contains("<artifactId>quarkus-maven-plugin</artifactId>"))
                .map(ServiceModule::of)
                .toList();
    }

    static ServiceModule of(String module) {
        Properties props = Repo.properties(module + "/src/main/resources/application.properties");
        Set<String> required = new TreeSet<>();
        Set<String> local = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("%")) { // %dev, %test: not the packaged jar's
                continue;
            }
            Matcher m = VARIABLE.matcher(props.getProperty(key));
            while (m.find()) {
                if (m.group(2) == null) {
                    required.add(m.group(1));
                } else if (m.group(2).contains("127.0.0.1") || m.group(2).contains("localhost")) {
                    local.add(m.group(1));
                }
            }
        }
        int port = Integer.parseInt(props.getProperty("quarkus.http.port"));
        return new ServiceModule(module, port, required, local);
    }

    /** Variables a container must be given: required ones and those whose default is this machine. */
    Set<String> containerVariables() {
        Set<String> all = new TreeSet<>(requiredVariables);
        all.addAll(localDefaultVariables);
        return all;
    }

    static String imageTag() {
        Element parent = Repo.pom("pom.xml");
        return Repo.textAt(parent, "properties", "nobd.image.tag");
    }

    String image() {
        return "nobd/" + name + ":" + imageTag();
    }
}
