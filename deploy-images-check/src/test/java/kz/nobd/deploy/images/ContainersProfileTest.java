package kz.nobd.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import kz.nobd.testing.containers.StackSettings;

/**
 * Profile containers (./mvnw verify -Pcontainers, Testcontainers instead of deploy/local/nobd test) cannot run on the
 * build machines (no Docker engine): these checks keep it wired to compose.yaml, the realm and the services' %test
 * configuration.
 */
class ContainersProfileTest {
    private final ComposeFile compose = ComposeFile.read();

    @Test
    void theProfileGivesEveryTestJvmTheComposeFileAndTheKafkaLoginsFolderAndTestcontainers() {
        Element profile = Repo.children(Repo.at(Repo.pom("pom.xml"), "profiles").orElseThrow(), "profile").stream()
                .filter(p -> Repo.textAt(p, "id").equals("containers")).findFirst()
                .orElseThrow(() -> new AssertionError("no profile containers in pom.xml"));
        assertThat(Repo.children(Repo.at(profile, "dependencies").orElseThrow(), "dependency"))
                .extracting(d -> Repo.textAt(d, "artifactId")).contains("testcontainers");
        List<Element> plugins = Repo.children(Repo.at(profile, "build", "pluginManagement", "plugins").orElseThrow(),
                "plugin");
        assertThat(plugins).extracting(p -> Repo.textAt(p, "artifactId"))
                .containsExactlyInAnyOrder("maven-surefire-plugin", "maven-failsafe-plugin");
        for (Element plugin : plugins) {
            Element config = Repo.at(plugin, "configuration").orElseThrow();
            assertThat(Repo.textAt(config, "systemPropertyVariables", "nobd.containers.compose"))
                    .isEqualTo("${maven.multiModuleProjectDirectory}/" + ComposeFile.PATH);
            assertThat(Repo.textAt(config, "environmentVariables", "NOBD_KAFKA_CLIENTS"))
                    .isEqualTo(Repo.textAt(config, "systemPropertyVariables", "nobd.containers.kafka-clients"));
        }
        assertThat(Repo.text("test-support/src/main/resources/META-INF/services/"
                + "org.junit.platform.launcher.LauncherSessionListener").trim())
                .isEqualTo("kz.nobd.testing.containers.ContainerStackSession");
    }

    @Test
    void theStackStartsTheInfrastructureOfComposeAndWaitsForWhatItCanCheck() {
        assertThat(compose.services()).containsKeys(StackSettings.INFRASTRUCTURE.toArray(String[]::new));
        assertThat(compose.service("postgres")).containsKey("healthcheck");
        assertThat(compose.service("keycloak")).containsKey("healthcheck");
        assertThat(Repo.text("deploy/compose/kafka/setup.sh").lines()
                .filter(line -> line.startsWith("echo \"nobd: kafka setup done\"")))
                .hasSize(1).allMatch(line -> "nobd: kafka setup done".matches(StackSettings.KAFKA_SETUP_DONE));
        // the infrastructure needs nothing that is not in the repository (the services' images are not started)
        StackSettings.INFRASTRUCTURE.forEach(name -> assertThat(compose.image(name)).doesNotStartWith("nobd/"));
    }

    @Test
    void theServicesTestConfigurationPointsAtThePortsAndIssuerTheStackPublishes() {
        for (ServiceModule service : ServiceModule.all()) {
            Properties props = Repo.properties(service.name() + "/src/main/resources/application.properties");
            assertThat(props.getProperty("%test.quarkus.oidc.auth-server-url")).as(service.name())
                    .isEqualTo("http://127.0.0.1:" + StackSettings.KEYCLOAK_PORT + "/realms/nobd");
            if (props.containsKey("%test.kafka.bootstrap.servers")) {
                assertThat(props.getProperty("%test.kafka.bootstrap.servers")).as(service.name())
                        .isEqualTo("127.0.0.1:" + StackSettings.KAFKA_PORT);
                assertThat(props.getProperty("%test.quarkus.datasource.jdbc.url")).as(service.name())
                        .startsWith("jdbc:postgresql://127.0.0.1:" + StackSettings.POSTGRES_PORT + "/");
            }
        }
        assertThat(compose.list("keycloak", "command"))
                .contains("--hostname=${NOBD_KEYCLOAK_PUBLIC_URL:-http://127.0.0.1:8180}");
        assertThat(compose.list("kafka", "ports")).contains("${NOBD_BIND:-127.0.0.1}:${NOBD_KAFKA_HOST_PORT:-9092}:19092");
        assertThat(compose.environment("kafka").get("NOBD_KAFKA_HOST_ADVERTISED"))
                .isEqualTo("127.0.0.1:${NOBD_KAFKA_HOST_PORT:-9092}");
    }
}
