package kz.nobd.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksAnythingThatCouldBeAnIin() {
        String iin = Ids.iin("150301", '6', 42);
        assertThat(Redaction.echo(iin)).isEqualTo("********" + iin.substring(8));
        assertThat(Redaction.echo("grade " + iin)).isEqualTo("grade ********" + iin.substring(8));
        assertThat(Redaction.echo(iin.substring(1))).doesNotContain(iin.substring(1, 8));
        assertThat(Redaction.echo(iin + "7")).doesNotContain(iin.substring(0, 8));
    }

    @Test
    void keepsWhatCannotBeAnIin() {
        String bin = Ids.bin(10);
        assertThat(Redaction.echo(bin)).isEqualTo(bin);
        assertThat(Redaction.echo("14")).isEqualTo("14");
        assertThat(Redaction.echo("123456789")).isEqualTo("123456789");
        assertThat(Redaction.echo(null)).isEmpty();
    }

    @Test
    void cutsLongValues() {
        assertThat(Redaction.echo("x".repeat(1000))).isEqualTo("x".repeat(20) + "...");
    }
}
