package kz.nobd.testing.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two test CAs and the school heads' certificates they issued, kept as PEM files in one folder (keys as PKCS#8), so
 * that the CLI ({@link DevCa}) and the tests reuse them between runs:
 * <pre>
 *   ca-rsa.pem  ca-rsa.key.pem  ca-rsa.crl.pem        the RSA CA (RSA 2048, SHA256withRSA), its key, its CRL
 *   ca-gost.pem ca-gost.key.pem ca-gost.crl.pem       the GOST CA (GOST R 34.10-2015, 256 bits)
 *   trust-anchors.pem                                 both CA certificates (what the verifier trusts)
 *   &lt;bin&gt;-rsa.pem  &lt;bin&gt;-rsa.key.pem                     the head of school &lt;bin&gt;: RSA certificate and key
 *   &lt;bin&gt;-gost.pem &lt;bin&gt;-gost.key.pem                    ... GOST certificate and key
 * </pre>
 */
public final class CaFolder {
    private final Path dir;
    private final TestCa rsa;
    private final TestCa gost;

    private CaFolder(Path dir, TestCa rsa, TestCa gost) {
        this.dir = dir;
        this.rsa = rsa;
        this.gost = gost;
    }

    /** The CAs of {@code dir}, made if {@code dir/ca-rsa.pem} does not exist. */
    public static CaFolder open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(dir.resolve("ca-rsa.pem"))) {
            TestCa rsa = TestCa.create("NOBD TEST CA RSA", KeyKind.RSA_2048, dir.resolve("ca-rsa.crl.pem"));
            TestCa gost = TestCa.create("NOBD TEST CA GOST", KeyKind.GOST_256, dir.resolve("ca-gost.crl.pem"));
            gost.save(dir.resolve("ca-gost.pem"), dir.resolve("ca-gost.key.pem"));
            rsa.save(dir.resolve("ca-rsa.pem"), dir.resolve("ca-rsa.key.pem"));
        }
        CaFolder folder = new CaFolder(dir,
                TestCa.load(KeyKind.RSA_2048, dir.resolve("ca-rsa.pem"), dir.resolve("ca-rsa.key.pem"),
                        dir.resolve("ca-rsa.crl.pem")),
                TestCa.load(KeyKind.GOST_256, dir.resolve("ca-gost.pem"), dir.resolve("ca-gost.key.pem"),
                        dir.resolve("ca-gost.crl.pem")));
        Pem.write(folder.trustAnchors(), folder.rsa.certificate(), folder.gost.certificate());
        return folder;
    }

    public Path dir() {
        return dir;
    }

    public TestCa rsa() {
        return rsa;
    }

    public TestCa gost() {
        return gost;
    }

    public TestCa ca(boolean gostCa) {
        return gostCa ? gost : rsa;
    }

    /** Both CA certificates, one PEM file. */
    public Path trustAnchors() {
        return dir.resolve("trust-anchors.pem");
    }

    /** The CRL files of the two CAs. */
    public List<Path> crls() {
        return List.of(dir.resolve("ca-rsa.crl.pem"), dir.resolve("ca-gost.crl.pem"));
    }

    /** Issues the RSA and the GOST certificate of school {@code bin} where missing; returns the files it wrote. */
    public List<Path> ensureHead(String bin) {
        List<Path> written = new ArrayList<>();
        for (boolean gostCa : new boolean[] { false, true }) {
            Path certificate = certificateFile(bin, gostCa);
            if (!Files.exists(certificate)) {
                TestCa ca = ca(gostCa);
                Credential head = ca.issue(CertificateSpec.forBin(bin).keyKind(ca.kind()));
                Pem.write(keyFile(bin, gostCa), head.privateKey());
                Pem.write(certificate, head.certificate());
                written.add(certificate);
            }
        }
        return written;
    }

    /** The head of school {@code bin}'s key and certificate ({@link #ensureHead} made them). */
    public Credential head(String bin, boolean gostCa) {
        Path certificate = certificateFile(bin, gostCa);
        if (!Files.exists(certificate)) {
            throw new IllegalArgumentException("no certificate for BIN " + bin + " in " + dir + " (run init first)");
        }
        return new Credential(Pem.privateKey(keyFile(bin, gostCa)), Pem.certificate(certificate),
                ca(gostCa).kind().signatureAlgorithm());
    }

    private Path certificateFile(String bin, boolean gostCa) {
        return dir.resolve(bin + (gostCa ? "-gost.pem" : "-rsa.pem"));
    }

    private Path keyFile(String bin, boolean gostCa) {
        return dir.resolve(bin + (gostCa ? "-gost.key.pem" : "-rsa.key.pem"));
    }
}
