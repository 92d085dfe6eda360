package kz.nobd.testing.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theExamplesPlaceholdersAreKeptAndTheTestInstancesPortsRolesAndExportedPasswordsWin() throws IOException {
        Path example = dir.resolve(".env.example");
        Files.writeString(example, "# comment\nNOBD_PSEUDONYM_KEY=change-me\nNOBD_REGISTRY_DB_PASSWORD=change-me-db\n"
                + "NOBD_INGEST_KAFKA_PASSWORD=fromexample\nNOBD_REGISTRY_KAFKA_PASSWORD=fromexample\n");

        Map<String, String> env = StackSettings.composeEnvironment(example,
                Map.of("NOBD_REGISTRY_KAFKA_PASSWORD", "exported", "NOBD_INGEST_KAFKA_PASSWORD", " "));

        assertThat(env).containsEntry("NOBD_PSEUDONYM_KEY", "change-me")
                .containsEntry("NOBD_REGISTRY_DB_USER", "nobd").containsEntry("NOBD_REGISTRY_DB_PASSWORD", "nobd")
                .containsEntry("NOBD_PG_HOST_PORT", "25432").containsEntry("NOBD_KAFKA_HOST_PORT", "29092")
                .containsEntry("NOBD_KEYCLOAK_PUBLIC_URL", "http://127.0.0.1:28180")
                .containsEntry("NOBD_REGISTRY_KAFKA_PASSWORD", "exported")
                .containsEntry("NOBD_INGEST_KAFKA_PASSWORD", "fromexample");
    }

    @Test
    void everyKafkaUserGetsTheClientSettingsKafkaLoginsReads() throws IOException {
        Map<String, String> env = Map.of("NOBD_KAFKA_ADMIN_PASSWORD", "a", "NOBD_SCHOOL_SYSTEMS_KAFKA_PASSWORD", "s",
                "NOBD_REGISTRY_KAFKA_PASSWORD", "r", "NOBD_INGEST_KAFKA_PASSWORD", "i", "NOBD_REPORT_KAFKA_PASSWORD", "p");

        StackSettings.writeKafkaClients(dir.resolve("clients"), env);

        Properties schools = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("clients/school-systems.properties"))) {
            schools.load(in);
        }
        assertThat(schools).containsEntry("bootstrap.servers", "127.0.0.1:29092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(schools.getProperty("sasl.jaas.config")).contains("username=\"school-systems\" password=\"s\"");
        assertThat(dir.resolve("clients")).isDirectoryContaining("glob:**/admin.properties")
                .isDirectoryContaining("glob:**/report.properties");
    }

    @Test
    void aMissingPasswordIsNamed() {
        assertThatThrownBy(() -> StackSettings.writeKafkaClients(dir, Map.of("NOBD_KAFKA_ADMIN_PASSWORD", "a")))
                .hasMessageContaining("NOBD_SCHOOL_SYSTEMS_KAFKA_PASSWORD");
    }
}
