package kz.nobd.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** deploy/images/pom.xml builds one image per service, as the services run on the local stack, and only with -Pimages. */
class ImageBuildTest {
    private static final Pattern JAVA_OPTS = Pattern.compile(
            "^\\s*(\\S+)\\) echo \"\\$\\{NOBD_\\w+_JAVA_OPTS:-([^}]*)}([^\"]*)\"", Pattern.MULTILINE);

    private final ImageBuild build = ImageBuild.read();

    @Test
    void everyServiceHasAnImageOfItsNameWrittenAsATarballIntoItsTarget() {
        List<ServiceModule> services = ServiceModule.all();
        assertThat(services).extracting(ServiceModule::name)
                .containsExactlyInAnyOrder("registry-service", "ingest-service", "report-service", "dashboard");
        assertThat(build.executions().keySet()).containsExactlyInAnyOrderElementsOf(
                services.stream().map(ServiceModule::name).toList());
        for (ServiceModule service : services) {
            ImageBuild.Image image = build.image(service.name()).orElseThrow();
            assertThat(image.name().replace("${nobd.image.tag}", ServiceModule.imageTag())).isEqualTo(service.image());
            assertThat(image.tarball()).isEqualTo("${nobd.app.dir}/" + service.name() + "/target/jib-image.tar");
            assertThat(image.ports()).containsExactly(String.valueOf(service.port()));
            assertThat(image.extraDirectories()).containsExactly(
                    "${nobd.image.runtime} -> /",
                    "${nobd.app.dir}/" + service.name() + "/target/quarkus-app/lib -> /deployments/lib",
                    "${nobd.app.dir}/" + service.name() + "/target/quarkus-app/quarkus -> /deployments/quarkus",
                    "${nobd.app.dir}/" + service.name() + "/target/quarkus-app/app -> /deployments/app",
                    "${nobd.app.dir}/" + service.name() + "/target/quarkus-app -> /deployments");
        }
    }

    @Test
    void theEntrypointRunsTheFastJarWithTheJvmFlagsOfTheLocalLauncher() {
        Map<String, List<String>> launcher = launcherJavaOpts();
        assertThat(launcher).containsKeys("report-service", "*");
        for (ServiceModule service : ServiceModule.all()) {
            List<String> flags = launcher.getOrDefault(service.name(), launcher.get("*"));
            assertThat(flags).contains("-XX:+ExitOnOutOfMemoryError");
            List<String> entrypoint = build.image(service.name()).orElseThrow().entrypoint();
            assertThat(entrypoint).as(service.name()).first().isEqualTo("/opt/java/bin/java");
            assertThat(entrypoint).as(service.name()).endsWith("-jar", "/deployments/quarkus-run.jar");
            assertThat(entrypoint.subList(1, entrypoint.size() - 2)).as(service.name())
                    .containsExactlyElementsOf(concat(flags,
                            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"));
        }
        assertThat(build.image("report-service").orElseThrow().entrypoint())
                .contains("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10",
                        "-XX:InitiatingHeapOccupancyPercent=60", "-XX:-G1UseAdaptiveIHOP")
                // its consumers and recomputation at nice 10 (docs/operations.md)
                .containsSubsequence("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=10");
    }

    @Test
    void theImagesStartFromScratchAndRunAsTheNumericNonRootUserOfTheRuntimeLayer() {
        assertThat(build.shared("from", "image")).isEqualTo("scratch");
        String user = build.shared("container", "user");
        assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*");
        String script = Repo.text("deploy/images/runtime-rootfs.sh");
        String uid = user.substring(0, user.indexOf(':'));
        assertThat(script).contains("IMAGE_UID=" + uid)
                .contains("nobd:x:$IMAGE_UID:$IMAGE_UID:")
                .contains("jlink");
    }

    @Test
    void imagesAreBuiltOnlyWithProfileImages() {
        Element parent = Repo.pom("pom.xml");
        assertThat(Repo.texts(parent, "modules")).doesNotContain("deploy/images");
        Element images = profile(parent, "images");
        assertThat(Repo.texts(images, "modules")).containsExactly("deploy/images");
    }

    @Test
    void theRegistryModeBuildsTheSameNamesWithTheSameEntrypointThroughQuarkusExtension() {
        Element registryMode = profile(Repo.pom("pom.xml"), "image-registry");
        assertThat(Repo.textAt(registryMode, "properties", "quarkus.container-image.group")).isEqualTo("nobd");
        assertThat(Repo.textAt(registryMode, "properties", "quarkus.container-image.tag")).isEqualTo("${nobd.image.tag}");
        assertThat(Repo.textAt(registryMode, "properties", "quarkus.jib.user")).matches("[1-9][0-9]*");
        for (ServiceModule service : ServiceModule.all()) {
            Element own = profile(Repo.pom(service.name() + "/pom.xml"), "image-registry");
            assertThat(Repo.children(Repo.at(own, "dependencies").orElseThrow(), "dependency"))
                    .extracting(d -> Repo.textAt(d, "artifactId")).containsExactly("quarkus-container-image-jib");
            List<String> tarballEntrypoint = build.image(service.name()).orElseThrow().entrypoint();
            List<String> expected = new java.util.ArrayList<>(tarballEntrypoint);
            expected.set(0, "java"); // the base image's java, on its PATH
            assertThat(Repo.textAt(own, "properties", "quarkus.jib.jvm-entrypoint").split(","))
                    .as(service.name()).containsExactlyElementsOf(expected);
        }
    }

    private static Element profile(Element pom, String id) {
        return Repo.children(Repo.at(pom, "profiles").orElseThrow(), "profile").stream()
                .filter(p -> Repo.textAt(p, "id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no profile " + id));
    }

    /** deploy/local/nobd's service_java_opts: the default flags per service ("*": every other one). */
    static Map<String, List<String>> launcherJavaOpts() {
        Map<String, List<String>> opts = new LinkedHashMap<>();
        Matcher m = JAVA_OPTS.matcher(Repo.text("deploy/local/nobd"));
        while (m.find()) {
            opts.put(m.group(1), Arrays.asList((m.group(2) + " " + m.group(3)).trim().split("\\s+")));
        }
        return opts;
    }

    private static List<String> concat(List<String> flags, String more) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.add(more);
        return all;
    }
}
