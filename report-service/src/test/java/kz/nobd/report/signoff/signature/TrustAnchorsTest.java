package kz.nobd.report.signoff.signature;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.nobd.testing.Ids;
import kz.nobd.testing.signing.CaFolder;
import kz.nobd.testing.signing.CertificateSpec;
import kz.nobd.testing.signing.KeyKind;
import kz.nobd.testing.signing.Pem;

/**
 * What the service reads at start-up: trust anchors from a file or a directory (it does not start without any) and
 * CRL files in PEM or DER.
 */
class TrustAnchorsTest {
    @TempDir
    static Path dir;
    static CaFolder ca;

    @BeforeAll
    static void testCa() {
        ca = CaFolder.open(dir.resolve("ca"));
    }

    @Test
    void aMissingLocationStopsTheStartWithTheVariableAndThePath() {
        assertThatThrownBy(() -> TrustAnchors.read(dir.resolve("nowhere")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOBD_SIGNOFF_TRUST_ANCHORS").hasMessageContaining("nowhere")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aLocationWithoutCertificatesStopsTheStart() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "not a certificate");
        Path keyOnly = dir.resolve("key-only.pem");
        Pem.write(keyOnly, ca.rsa().issue(CertificateSpec.forBin(Ids.bin())).privateKey());

        assertThatThrownBy(() -> TrustAnchors.read(empty)).hasMessageContaining("holds no certificate");
        assertThatThrownBy(() -> TrustAnchors.read(keyOnly)).hasMessageContaining("key-only.pem")
                .hasMessageContaining("holds no readable certificate");
    }

    @Test
    void aDirectoryTrustsEveryCertificateFileInItPemOrDer() throws Exception {
        Path anchors = Files.createDirectories(dir.resolve("anchors"));
        Files.copy(dir.resolve("ca/ca-rsa.pem"), anchors.resolve("rsa.pem"));
        Files.write(anchors.resolve("gost.cer"), ca.gost().certificate().getEncoded());
        Files.writeString(anchors.resolve("notes.txt"), "ignored", UTF_8);

        TrustAnchors read = TrustAnchors.read(anchors);
        assertThat(read.size()).isEqualTo(2);
        String bin = Ids.bin();
        byte[] content = "{}".getBytes(UTF_8);
        SignatureVerifier verifier = new SignatureVerifier(read, new RevocationLists(List.of()));
        assertThat(verifier.verify(content, ca.gost().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.GOST_256))
                .signDetached(content), bin, Instant.now())).isNotNull();
    }

    @Test
    void aConcatenatedPemFileHoldsSeveralAnchors() {
        assertThat(TrustAnchors.read(ca.trustAnchors()).size()).isEqualTo(2);
    }

    @Test
    void crlFilesMustBeReadableAtStartUpPemOrDer() throws Exception {
        Path der = dir.resolve("rsa.crl");
        Files.write(der, ca.rsa().crl().getEncoded());

        assertThatThrownBy(() -> new RevocationLists(List.of(dir.resolve("missing.crl"))))
                .hasMessageContaining("NOBD_SIGNOFF_CRLS").hasMessageContaining("missing.crl");
        assertThatThrownBy(() -> new RevocationLists(List.of(dir.resolve("ca/ca-rsa.pem"))))
                .hasMessageContaining("ca-rsa.pem").hasMessageContaining("not a readable CRL file");
        org.assertj.core.api.Assertions.assertThatCode(() -> new RevocationLists(List.of(der, ca.crls().get(1))))
                .doesNotThrowAnyException();
    }
}
