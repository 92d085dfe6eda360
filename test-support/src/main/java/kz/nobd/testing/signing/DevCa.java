package kz.nobd.testing.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import kz.nobd.contracts.Bin;

/**
 * The dev stack's certification authority on the command line (deploy/local/nobd up, deploy/local/sign-return.sh).
 * Test keys only, never for real signatures:
 * <pre>
 *   init   &lt;dir&gt; &lt;bin&gt;...                        both CAs (if &lt;dir&gt;/ca-rsa.pem is missing), an empty CRL each, an RSA
 *                                                and a GOST certificate per BIN (valid 2 years) where missing
 *   sign   &lt;dir&gt; &lt;bin&gt; &lt;content-file&gt; [--gost]  prints the base64 DER detached CMS signature of the file's bytes
 *   revoke &lt;dir&gt; &lt;bin&gt; [--gost]                 revokes that BIN's certificate and rewrites its CA's CRL
 * </pre>
 * Exit code 2 with a usage line on wrong arguments; the folder's layout: {@link CaFolder}.
 */
public final class DevCa {
    private DevCa() {
    }

    public static void main(String[] args) throws IOException {
        List<String> words = Arrays.stream(args).filter(a -> !a.equals("--gost")).toList();
        boolean gost = words.size() < args.length;
        String verb = words.isEmpty() ? "" : words.get(0);
        switch (verb) {
            case "init" -> {
                require(words.size() >= 3 && !gost, "init <dir> <bin>...");
                init(Path.of(words.get(1)), words.subList(2, words.size()));
            }
            case "sign" -> {
                require(words.size() == 4, "sign <dir> <bin> <content-file> [--gost]");
                byte[] content = Files.readAllBytes(Path.of(words.get(3)));
                Credential head = CaFolder.open(Path.of(words.get(1))).head(bin(words.get(2)), gost);
                System.out.println(Base64.getEncoder().encodeToString(head.signDetached(content)));
            }
            case "revoke" -> {
                require(words.size() == 3, "revoke <dir> <bin> [--gost]");
                CaFolder folder = CaFolder.open(Path.of(words.get(1)));
                Credential head = folder.head(bin(words.get(2)), gost);
                folder.ca(gost).revoke(head.certificate());
                System.out.printf("revoked %s (serial %x); CRL %s%n", head.certificate().getSubjectX500Principal(),
                        head.certificate().getSerialNumber(), folder.crls().get(gost ? 1 : 0));
            }
            default -> require(false, "init|sign|revoke ...");
        }
    }

    private static void init(Path dir, List<String> bins) {
        boolean existed = Files.exists(dir.resolve("ca-rsa.pem"));
        CaFolder folder = CaFolder.open(dir);
        System.out.println((existed ? "kept the test CAs in " : "made the test CAs (RSA and GOST) in ") + dir);
        for (String bin : bins) {
            List<Path> written = folder.ensureHead(bin(bin));
            System.out.println("BIN " + bin + ": " + (written.isEmpty() ? "certificates kept"
                    : "issued " + written.stream().map(p -> p.getFileName().toString()).toList()));
        }
        System.out.println("trust anchors " + folder.trustAnchors() + ", CRLs " + folder.crls());
    }

    private static String bin(String value) {
        String problem = Bin.problemWith(value);
        require(problem == null, problem);
        return value;
    }

    private static void require(boolean condition, String usage) {
        if (!condition) {
            System.err.println("DevCa: " + usage
                    + "\nusage: DevCa init <dir> <bin>... | sign <dir> <bin> <content-file> [--gost] | revoke <dir> <bin> [--gost]");
            System.exit(2);
        }
    }
}
