package kz.nobd.registry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import kz.nobd.support.Secrets;
import kz.nobd.testing.ProdProfile;

/**
 * The packaged jar runs the prod profile: no secret has a default there. Quarkus validates {@link Secrets} before
 * start-up, so a server where a variable is missing does not start and the message names it; the settings that
 * need a secret take it from there.
 */
class ProdProfileTest {
    private static final Map<String, String> SECRETS = Map.of(
            "NOBD_REGISTRY_DB_PASSWORD", "v-db",
            "NOBD_REGISTRY_KAFKA_PASSWORD", "v-kafka",
            "NOBD_REGISTRY_ADMIN_SECRET", "v-admin");

    @Test
    void everySecretComesFromTheEnvironmentWithoutADefault() {
        assertThat(ProdProfile.secrets())
                .containsOnlyKeys("NOBD_REGISTRY_ADMIN_SECRET", "NOBD_REGISTRY_DB_PASSWORD",
                        "NOBD_REGISTRY_KAFKA_PASSWORD")
                .allSatisfy((variable, property) -> assertThat(property).startsWith("nobd.secret.")
                        .doesNotContain("default"));
    }

    @Test
    void withoutAnyOneOfItsVariablesTheServiceDoesNotStartAndNamesIt() {
        assertThat(ProdProfile.startUpFailureWithoutEach(SECRETS, Secrets.class)).containsOnlyKeys(SECRETS.keySet())
                .allSatisfy((variable, failure) -> assertThat(failure).as(variable).contains(variable));
        assertThat(ProdProfile.startUpFailure(SECRETS, Secrets.class)).isEmpty();
    }

    @Test
    void theSettingsThatNeedASecretTakeItFromItsVariable() {
        SmallRyeConfig config = ProdProfile.with(SECRETS);
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("v-db");
        assertThat(config.getValue("kafka.sasl.jaas.config", String.class)).contains("password=\"v-kafka\"");
        assertThat(config.getValue("quarkus.keycloak.admin-client.client-secret", String.class))
                .isEqualTo("v-admin");
    }

    @Test
    void theServiceListensOnEveryInterface() {
        assertThat(ProdProfile.with(Map.of()).getValue("quarkus.http.host", String.class)).isEqualTo("0.0.0.0");
    }
}
