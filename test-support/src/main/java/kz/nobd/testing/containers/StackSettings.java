package kz.nobd.testing.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the tests' container stack (profile {@code containers}, {@link ContainerStack}) gives
 * {@code deploy/compose/compose.yaml}: the placeholders of {@code .env.example} beside it, overridden so that the
 * infrastructure looks like the test instance of {@code deploy/local/nobd} to the services' %test configuration
 * (PostgreSQL on 25432 with role nobd/nobd, Kafka on 29092, Keycloak on 28180 with that issuer) and the Kafka
 * passwords the build exported. Also the Kafka client settings of each user that {@code KafkaLogins} reads.
 */
public final class StackSettings {
    /** The test instance's ports ({@code deploy/local/nobd set_instance test}). */
    public static final int POSTGRES_PORT = 25432;
    public static final int KAFKA_PORT = 29092;
    public static final int KEYCLOAK_PORT = 28180;
    /** The compose services started: the infrastructure only (the services under test run in the test JVM). */
    public static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "kafka-setup", "keycloak");
    /** What deploy/compose/kafka/setup.sh prints when the users, ACLs and topics are in place. */
    public static final String KAFKA_SETUP_DONE = ".*nobd: kafka setup done.*";
    /** Kafka users with a client settings file: the super user, the outside producer and the services. */
    public static final List<String> KAFKA_USERS = List.of("admin", "school-systems", "registry", "ingest", "report");

    private StackSettings() {
    }

    /** The variables for {@code docker compose}: {@code envExample}'s values, then the test stack's, then the build's. */
    public static Map<String, String> composeEnvironment(Path envExample, Map<String, String> buildEnvironment) {
        Map<String, String> env = new LinkedHashMap<>(read(envExample));
        env.put("NOBD_BIND", "127.0.0.1");
        env.put("NOBD_PG_HOST_PORT", String.valueOf(POSTGRES_PORT));
        env.put("NOBD_KAFKA_HOST_PORT", String.valueOf(KAFKA_PORT));
        env.put("NOBD_KEYCLOAK_HOST_PORT", String.valueOf(KEYCLOAK_PORT));
        env.put("NOBD_KEYCLOAK_PUBLIC_URL", "http://127.0.0.1:" + KEYCLOAK_PORT);
        env.put("NOBD_PG_FSYNC", "off");
        for (String service : List.of("REGISTRY", "INGEST", "REPORT")) {
            env.put("NOBD_" + service + "_DB_USER", "nobd");
            env.put("NOBD_" + service + "_DB_PASSWORD", "nobd");
        }
        for (String user : KAFKA_USERS) {
            String variable = passwordVariable(user);
            String value = buildEnvironment.get(variable);
            if (value != null && !value.isBlank()) {
                env.put(variable, value);
            }
        }
        return env;
    }

    /** The variable of Kafka user {@code user}'s password: NOBD_KAFKA_ADMIN_PASSWORD, NOBD_SCHOOL_SYSTEMS_KAFKA_PASSWORD, ... */
    public static String passwordVariable(String user) {
        if (user.equals("admin")) {
            return "NOBD_KAFKA_ADMIN_PASSWORD";
        }
        return "NOBD_" + user.toUpperCase().replace('-', '_') + "_KAFKA_PASSWORD";
    }

    /** One {@code <user>.properties} per Kafka user in {@code dir}, as {@code deploy/local/nobd} writes them. */
    public static void writeKafkaClients(Path dir, Map<String, String> composeEnvironment) {
        try {
            Files.createDirectories(dir);
            for (String user : KAFKA_USERS) {
                String password = composeEnvironment.get(passwordVariable(user));
                if (password == null) {
                    throw new IllegalStateException(passwordVariable(user) + " is neither in .env.example nor exported");
                }
                Files.writeString(dir.resolve(user + ".properties"), String.join("\n",
                        "bootstrap.servers=127.0.0.1:" + KAFKA_PORT,
                        "security.protocol=SASL_PLAINTEXT",
                        "sasl.mechanism=SCRAM-SHA-512",
                        "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                                + user + "\" password=\"" + password + "\";",
                        ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Path envFile) {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(envFile)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + envFile, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(name -> values.put(name, props.getProperty(name)));
        return values;
    }
}
