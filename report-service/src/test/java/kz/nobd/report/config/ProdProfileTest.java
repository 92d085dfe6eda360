package kz.nobd.report.config;

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
            "NOBD_REPORT_DB_PASSWORD", "v-db",
            "NOBD_REPORT_KAFKA_PASSWORD", "v-kafka");

    @Test
    void everySecretComesFromTheEnvironmentWithoutADefault() {
        assertThat(ProdProfile.secrets())
                .containsOnlyKeys("NOBD_REPORT_DB_PASSWORD", "NOBD_REPORT_KAFKA_PASSWORD")
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
    }

    @Test
    void theServiceListensOnEveryInterface() {
        assertThat(ProdProfile.with(Map.of()).getValue("quarkus.http.host", String.class)).isEqualTo("0.0.0.0");
    }
}
