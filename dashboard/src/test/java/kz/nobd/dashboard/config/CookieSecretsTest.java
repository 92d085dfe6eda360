package kz.nobd.dashboard.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CookieSecretsTest {

    @Test
    void aSecretShorterThan32CharactersStopsTheStartNamingItsVariable() {
        assertThatThrownBy(() -> CookieSecrets.check("NOBD_DASHBOARD_SESSION_SECRET", "x".repeat(31)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("NOBD_DASHBOARD_SESSION_SECRET must be at least 32 characters long, was 31");
        assertThatCode(() -> CookieSecrets.check("NOBD_DASHBOARD_STATE_SECRET", "x".repeat(32))).doesNotThrowAnyException();
    }
}
