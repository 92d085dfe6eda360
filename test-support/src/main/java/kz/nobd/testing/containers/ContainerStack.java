package kz.nobd.testing.containers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The infrastructure of {@code deploy/compose/compose.yaml} (PostgreSQL, Kafka with its users, ACLs and topics,
 * Keycloak with the dev realm) started with Testcontainers for one test JVM, on the test instance's ports, so that
 * {@code ./mvnw verify -Pcontainers} needs no {@code deploy/local/nobd test} on a machine with Docker and the
 * {@code docker compose} plugin. Not run on the project's build machines (no Docker engine there): docs/images.md.
 */
public final class ContainerStack {
    /** System property (profile containers) naming the compose file; without it there is no stack. */
    public static final String COMPOSE_FILE = "nobd.containers.compose";
    /** System property: the folder of the Kafka client settings (also exported as NOBD_KAFKA_CLIENTS). */
    public static final String KAFKA_CLIENTS = "nobd.containers.kafka-clients";

    private final ComposeContainer compose;

    private ContainerStack(ComposeContainer compose) {
        this.compose = compose;
    }

    public static ContainerStack start() {
        Path file = Path.of(System.getProperty(COMPOSE_FILE)).toAbsolutePath().normalize();
        Map<String, String> env = StackSettings.composeEnvironment(file.resolveSibling(".env.example"), System.getenv());
        StackSettings.writeKafkaClients(Path.of(System.getProperty(KAFKA_CLIENTS)), env);
        // the services' %test configuration expands ${NOBD_<SERVICE>_KAFKA_PASSWORD}: system properties count too
        for (String user : new String[] { "registry", "ingest", "report" }) {
            String variable = StackSettings.passwordVariable(user);
            System.setProperty(variable, env.get(variable));
        }
        Duration startUp = Duration.ofMinutes(5);
        ComposeContainer compose = new ComposeContainer(file.toFile())
                .withServices(StackSettings.INFRASTRUCTURE.toArray(String[]::new))
                .withEnv(env)
                // only the infrastructure's public images; the services' images need not exist for the tests
                .withPull(false)
                .withRemoveVolumes(true)
                .waitingFor("postgres", Wait.forHealthcheck().withStartupTimeout(startUp))
                .waitingFor("keycloak", Wait.forHealthcheck().withStartupTimeout(startUp))
                // kafka-setup starts once kafka is healthy (depends_on); its last line says users, ACLs, topics are in
                .waitingFor("kafka-setup",
                        Wait.forLogMessage(StackSettings.KAFKA_SETUP_DONE, 1).withStartupTimeout(startUp));
        compose.start();
        return new ContainerStack(compose);
    }

    public void stop() {
        compose.stop();
    }
}
