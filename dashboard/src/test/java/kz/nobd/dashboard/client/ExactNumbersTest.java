package kz.nobd.dashboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An API's numbers reach the page as the API wrote them (report-service writes shares with 4 decimals). */
class ExactNumbersTest {

    @Test
    void decimalsKeepTheirScale() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new ExactNumbers().customize(mapper);

        JsonNode card = mapper.readTree("{\"share\":0.5000,\"one\":1.0000,\"zero\":0.0000,\"gap\":-0.0328,"
                + "\"ratio\":1.50,\"small\":0.0001,\"count\":4338}");

        assertThat(card.get("share").asText()).isEqualTo("0.5000");
        assertThat(card.get("one").asText()).isEqualTo("1.0000");
        assertThat(card.get("zero").asText()).isEqualTo("0.0000");
        assertThat(card.get("gap").asText()).isEqualTo("-0.0328");
        assertThat(card.get("ratio").asText()).isEqualTo("1.50");
        assertThat(card.get("small").asText()).isEqualTo("0.0001");
        assertThat(card.get("count").asText()).isEqualTo("4338");
    }
}
