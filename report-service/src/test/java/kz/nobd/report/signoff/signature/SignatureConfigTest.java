package kz.nobd.report.signoff.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.nobd.testing.ProdProfile;

/** The packaged jar (prod profile) takes the trust anchors from the environment, with no default. */
class SignatureConfigTest {

    @Test
    void withoutTrustAnchorsTheServiceDoesNotStartAndNamesTheVariable() {
        assertThat(ProdProfile.startUpFailure(Map.of(), SignatureConfig.class))
                .contains("NOBD_SIGNOFF_TRUST_ANCHORS");
        assertThat(ProdProfile.startUpFailure(Map.of("NOBD_SIGNOFF_TRUST_ANCHORS", "/etc/nobd/nca"),
                SignatureConfig.class)).isEmpty();
    }

    @Test
    void crlsAreOptionalAndCommaSeparated() {
        assertThat(ProdProfile.with(Map.of()).getOptionalValues("nobd.signoff.crls", Path.class)).isEmpty();
        assertThat(ProdProfile.with(Map.of("NOBD_SIGNOFF_CRLS", "/etc/nobd/rsa.crl,/etc/nobd/gost.crl"))
                .getOptionalValues("nobd.signoff.crls", Path.class))
                .contains(List.of(Path.of("/etc/nobd/rsa.crl"), Path.of("/etc/nobd/gost.crl")));
    }
}
