package kz.nobd.testing.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The test CA of one test JVM: a {@link CaFolder} under {@code target/signing-ca}, made afresh by the first
 * {@link #get()} of the JVM and loaded from its files by every later one (also from another class loader: the
 * folder's path is a system property), so that the service under test (which trusts {@link #trustAnchors()} and
 * reads {@link #crls()}) and the test code issue, revoke and verify with the same CA. Every call issues a fresh key
 * and certificate.
 */
public final class SigningCa {
    private static final String FOLDER_PROPERTY = "nobd.test.signing-ca";
    private static SigningCa instance;

    private final CaFolder folder;
    private final TestCa foreign;

    private SigningCa(CaFolder folder) {
        this.folder = folder;
        this.foreign = TestCa.create("FOREIGN TEST CA", KeyKind.RSA_2048, null);
    }

    public static synchronized SigningCa get() {
        if (instance == null) {
            String made = System.getProperty(FOLDER_PROPERTY);
            Path dir;
            if (made == null) {
                dir = Path.of("target", "signing-ca").toAbsolutePath();
                deleteRecursively(dir);
            } else {
                dir = Path.of(made);
            }
            instance = new SigningCa(CaFolder.open(dir));
            System.setProperty(FOLDER_PROPERTY, dir.toString());
        }
        return instance;
    }

    /** The PEM file with both CA certificates. */
    public Path trustAnchors() {
        return folder.trustAnchors();
    }

    /** The two CRL files, comma-separated (as {@code nobd.signoff.crls} takes them). */
    public String crls() {
        return folder.crls().stream().map(Path::toString).collect(Collectors.joining(","));
    }

    /** A valid RSA certificate of the head of school {@code bin}. */
    public Credential valid(String bin) {
        return folder.rsa().issue(CertificateSpec.forBin(bin));
    }

    /** A valid GOST (256-bit) certificate of the head of school {@code bin}, from the GOST CA. */
    public Credential gost(String bin) {
        return folder.gost().issue(CertificateSpec.forBin(bin).keyKind(KeyKind.GOST_256));
    }

    public Credential expired(String bin) {
        return folder.rsa().issue(CertificateSpec.forBin(bin).expired());
    }

    public Credential notYetValid(String bin) {
        return folder.rsa().issue(CertificateSpec.forBin(bin).notYetValid());
    }

    /** A certificate on its CA's CRL (the CRL file is rewritten). */
    public Credential revoked(String bin) {
        Credential head = valid(bin);
        folder.rsa().revoke(head.certificate());
        return head;
    }

    /** A valid-looking certificate from a CA that is not a trust anchor. */
    public Credential foreign(String bin) {
        return foreign.issue(CertificateSpec.forBin(bin));
    }

    /** Any certificate: {@code spec} from the RSA CA, or from the GOST CA. */
    public Credential issue(CertificateSpec spec, boolean gostCa) {
        return folder.ca(gostCa).issue(spec);
    }

    public TestCa rsaCa() {
        return folder.rsa();
    }

    public TestCa gostCa() {
        return folder.gost();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
