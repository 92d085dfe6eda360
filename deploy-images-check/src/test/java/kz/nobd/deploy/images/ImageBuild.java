package kz.nobd.deploy.images;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.w3c.dom.Element;

/** The image build of deploy/images/pom.xml (profile images): Jib's shared configuration and one execution per image. */
record ImageBuild(Element plugin, Map<String, Element> executions) {

    record Image(String id, String name, String tarball, List<String> entrypoint, List<String> ports,
            List<String> extraDirectories) {
    }

    static ImageBuild read() {
        Element project = Repo.pom("deploy/images/pom.xml");
        Element jib = Repo.children(Repo.at(project, "build", "plugins").orElseThrow(), "plugin").stream()
                .filter(p -> Repo.textAt(p, "artifactId").equals("jib-maven-plugin"))
                .findFirst().orElseThrow(() -> new AssertionError("no jib-maven-plugin in deploy/images/pom.xml"));
        Map<String, Element> executions = new TreeMap<>();
        for (Element e : Repo.children(Repo.at(jib, "executions").orElseThrow(), "execution")) {
            executions.put(Repo.textAt(e, "id"), e);
        }
        return new ImageBuild(jib, executions);
    }

    String shared(String... path) {
        return Repo.textAt(Repo.at(plugin, "configuration").orElseThrow(), path);
    }

    Optional<Image> image(String id) {
        Element execution = executions.get(id);
        if (execution == null) {
            return Optional.empty();
        }
        Element config = Repo.at(execution, "configuration").orElseThrow();
        List<String> goals = Repo.texts(execution, "goals");
        if (!goals.equals(List.of("buildTar"))) {
            throw new AssertionError("execution " + id + " runs " + goals + ", not buildTar");
        }
        List<String> dirs = Repo.children(Repo.at(config, "extraDirectories", "paths").orElseThrow(), "path").stream()
                .map(p -> Repo.textAt(p, "from") + " -> " + Repo.textAt(p, "into")).toList();
        return Optional.of(new Image(id, Repo.textAt(config, "to", "image"), Repo.textAt(config, "outputPaths", "tar"),
                Repo.texts(config, "container", "entrypoint"), Repo.texts(config, "container", "ports"), dirs));
    }
}
