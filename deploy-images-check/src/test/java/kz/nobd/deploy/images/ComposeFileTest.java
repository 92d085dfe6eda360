package kz.nobd.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * deploy/compose/compose.yaml cannot run on the build machines (no Docker engine): these checks keep it in step with
 * the images the build makes, with what each service requires, and with the dev realm.
 */
class ComposeFileTest {
    private final ComposeFile compose = ComposeFile.read();

    @Test
    void everyServiceRunsTheImageTheBuildMakesAndNoOtherNobdImageIsUsed() {
        List<ServiceModule> services = ServiceModule.all();
        for (ServiceModule service : services) {
            assertThat(compose.image(service.name())).as(service.name()).isEqualTo(service.image());
        }
        List<String> built = services.stream().map(ServiceModule::image).toList();
        compose.services().forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            if (image.startsWith("nobd/")) {
                assertThat(built).as("image of " + name).contains(image);
            }
        });
    }

    @Test
    void everyServiceGetsEveryVariableItRequiresAndEveryAddressThatDefaultsToThisMachine() {
        for (ServiceModule service : ServiceModule.all()) {
            assertThat(service.requiredVariables()).as(service.name()).isNotEmpty();
            assertThat(compose.environment(service.name()).keySet()).as(service.name())
                    .containsAll(service.containerVariables());
        }
        assertThat(compose.environment("report-service")).containsKey("NOBD_SIGNOFF_TRUST_ANCHORS");
        assertThat(compose.environment("registry-service").get("NOBD_KAFKA_BOOTSTRAP")).isEqualTo("kafka:9092");
    }

    @Test
    void secretsComeFromTheEnvFileAndTheExampleNamesEachOneWithAPlaceholder() {
        compose.services().forEach((name, service) -> compose.environment(name).forEach((variable, value) -> {
            if (variable.matches(".*(PASSWORD|SECRET|_KEY)")) { // from .env, required there (${NAME:?why})
                assertThat(String.valueOf(value)).as(name + " " + variable).matches("\\$\\{NOBD_[A-Z0-9_]+:\\?.*}");
            }
        }));
        Properties example = Repo.properties("deploy/compose/.env.example");
        assertThat(example.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(compose.requiredVariables());
        example.forEach((variable, value) -> {
            if (!variable.equals("NOBD_REGISTRY_ADMIN_SECRET")) { // the dev realm's own, imported by Keycloak
                assertThat(String.valueOf(value)).as(String.valueOf(variable)).containsIgnoringCase("change");
            }
        });
        assertThat(example.getProperty("NOBD_REGISTRY_ADMIN_SECRET")).isEqualTo(realmClientSecret("nobd-registry-admin"));
        assertThat(Repo.text(".gitignore")).contains("deploy/compose/.env\n", "deploy/compose/dev-ca/");
    }

    @Test
    void servicesPublishTheirPortsAndWaitOnlyForDependenciesThatCanSayTheyAreReady() {
        for (ServiceModule service : ServiceModule.all()) {
            assertThat(compose.publishedContainerPorts(service.name())).as(service.name()).containsExactly(service.port());
        }
        compose.services().keySet().forEach(name -> compose.dependsOn(name).forEach((target, how) -> {
            assertThat(compose.services()).as(name + " depends on " + target).containsKey(target);
            switch (String.valueOf(how.get("condition"))) {
                case "service_healthy" -> assertThat(compose.service(target)).as(target + " (for " + name + ")")
                        .containsKey("healthcheck");
                case "service_completed_successfully" -> assertThat(compose.service(target).get("restart"))
                        .as(target + " is a one-shot job").isEqualTo("no");
                case "service_started" -> { }
                default -> throw new AssertionError(name + " -> " + target + ": condition " + how);
            }
        }));
        for (ServiceModule service : List.of(ServiceModule.of("registry-service"), ServiceModule.of("ingest-service"),
                ServiceModule.of("report-service"))) {
            assertThat(compose.dependsOn(service.name())).as(service.name())
                    .containsOnlyKeys("postgres", "kafka-setup", "keycloak");
        }
    }

    @Test
    void theInfrastructureIsTheVersionsOfTheLocalStackWithTheDevRealmAndTheLocalKafkaUsersAndTopics() {
        Element parent = Repo.pom("pom.xml");
        assertThat(compose.image("kafka")).isEqualTo("apache/kafka:" + Repo.textAt(parent, "properties", "kafka.version"));
        assertThat(compose.image("kafka-setup")).isEqualTo(compose.image("kafka"));
        assertThat(compose.image("keycloak"))
                .isEqualTo("quay.io/keycloak/keycloak:" + Repo.textAt(parent, "properties", "keycloak.version"));
        assertThat(compose.list("keycloak", "command")).contains("--import-realm");
        assertThat(compose.list("keycloak", "volumes"))
                .contains("../keycloak/nobd-realm.json:/opt/keycloak/data/import/nobd-realm.json:ro");
        assertThat(compose.list("kafka-setup", "volumes")).contains(
                "../local/kafka-acls.txt:/nobd/kafka-acls.txt:ro", "../local/topics.txt:/nobd/topics.txt:ro");
        compose.services().keySet().forEach(name -> compose.list(name, "volumes").stream()
                .filter(v -> v.startsWith(".")).map(v -> v.substring(0, v.indexOf(':')))
                .filter(source -> !source.equals("./dev-ca")) // made by prepare.sh, never committed
                .forEach(source -> assertThat(Repo.file("deploy/compose/" + source)).as(name + " mounts " + source)
                        .exists()));
        for (String database : List.of("registry", "ingest", "report")) {
            assertThat(Repo.text("deploy/compose/postgres/init-databases.sh")).contains("database " + database + " ");
        }
    }

    /** The secret of a confidential client in the dev realm file. */
    static String realmClientSecret(String clientId) {
        String realm = Repo.text("deploy/keycloak/nobd-realm.json");
        int client = realm.indexOf("\"clientId\": \"" + clientId + "\"");
        assertThat(client).as(clientId + " in the realm").isNotNegative();
        var m = java.util.regex.Pattern.compile("\"secret\": \"([^\"]+)\"").matcher(realm);
        assertThat(m.find(client)).isTrue();
        return m.group(1);
    }

}
