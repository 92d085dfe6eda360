package kz.nobd.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void quotesAndGuardsCellsAsTheApisCsvDoes() {
        String csv = CsvText.of(List.of("code", "name", "value"), List.of(
                List.of("110000000", "Ақмола, \"облысы\"", "0.5"),
                List.of("150000000", "=HYPERLINK(1)", "-0.25")));
        assertThat(csv).isEqualTo("code,name,value\r\n110000000,\"Ақмола, \"\"облысы\"\"\",0.5\r\n"
                + "150000000,'=HYPERLINK(1),-0.25\r\n");
    }
}
