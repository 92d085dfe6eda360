package kz.nobd.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Kafka client settings (bootstrap servers, SASL/SCRAM login) of the users of the test instance's broker, as
 * {@code deploy/local/nobd test} writes them: one {@code <user>.properties} each in {@code $NOBD_KAFKA_CLIENTS}.
 * Test helpers that play other systems log in as {@link #ADMIN} (the super user) or {@link #OUTSIDE_PRODUCER}; the
 * services log in as their own users through their configuration.
 */
public final class KafkaLogins {
    /** The super user: reads and writes every topic (tests playing registry-service or ingest-service). */
    public static final String ADMIN = "admin";
    /** A government system outside NOBD: may only write ingest's input topics. */
    public static final String OUTSIDE_PRODUCER = "school-systems";

    private KafkaLogins() {
    }

    /** A new copy of {@code user}'s client settings, for a test to add its own to. */
    public static Properties of(String user) {
        String dir = System.getenv("NOBD_KAFKA_CLIENTS");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("NOBD_KAFKA_CLIENTS is not set: run the tests through deploy/local/nobd test");
        }
        Path file = Path.of(dir, user + ".properties");
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Kafka login of " + user + " (" + file + ")", e);
        }
        return props;
    }

    /** {@code user}'s settings without the login: a client that does not authenticate. */
    public static Properties anonymous(String user) {
        Properties props = new Properties();
        props.put("bootstrap.servers", of(user).getProperty("bootstrap.servers"));
        return props;
    }
}
