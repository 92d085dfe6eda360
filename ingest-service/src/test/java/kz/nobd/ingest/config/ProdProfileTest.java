package kz.nobd.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import kz.nobd.testing.ProdProfile;

/**
 * The packaged jar runs the prod profile: no secret has a default there, so a server where a variable is missing
 * refuses to start and names it (the datasource, the Keycloak admin client and the pseudonym key are validated
 * with the rest of the configuration; the Kafka settings by service-support KafkaClients, at start-up).
 */
class ProdProfileTest {
    @Test
    void everySecretComesFromTheEnvironmentWithoutADefault() {
        assertThat(ProdProfile.secrets())
                .containsOnlyKeys("NOBD_INGEST_DB_PASSWORD", "NOBD_INGEST_KAFKA_PASSWORD", "NOBD_PSEUDONYM_KEY")
                .allSatisfy((variable, property) -> assertThat(property).doesNotContain("default"));
    }

    @Test
    void readingASecretThatIsNotSetFailsNamingTheVariable() {
        assertThat(ProdProfile.failureReading("quarkus.datasource.password")).contains("NOBD_INGEST_DB_PASSWORD");
        assertThat(ProdProfile.failureReading("kafka.sasl.jaas.config")).contains("NOBD_INGEST_KAFKA_PASSWORD");
        assertThat(ProdProfile.failureReading("nobd.ingest.pseudonym-key")).contains("NOBD_PSEUDONYM_KEY");
    }

    @Test
    void theServiceListensOnEveryInterface() {
        assertThat(ProdProfile.withoutEnvironment().getValue("quarkus.http.host", String.class)).isEqualTo("0.0.0.0");
    }
}
