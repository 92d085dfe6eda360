package kz.nobd.deploychecks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay with `kubectl kustomize` (the kustomize built into kubectl; the manifests are written for the one
 * of kubectl 1.20, Debian bookworm's kubernetes-client, and render the same with newer ones). No cluster is contacted.
 */
public final class Kustomize {
    static final String INSTALL_HINT = "kubectl not found on PATH: install it (Debian: apt-get install kubernetes-client;"
            + " deploy/local/nobd test installs it when missing)";

    private Kustomize() {
    }

    public static String render(String overlay) {
        Path dir = Repo.path("deploy/k8s/overlays/" + overlay);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no overlay " + dir);
        }
        return run(kubectl(System.getenv()), "kustomize", dir.toString());
    }

    /** The kubectl to run: $NOBD_KUBECTL, else the first on $PATH; none: the build fails saying how to install one. */
    static String kubectl(java.util.Map<String, String> env) {
        String override = env.get("NOBD_KUBECTL");
        if (override != null && !override.isBlank()) {
            return override;
        }
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Path.of(dir, "kubectl").toString();
            }
        }
        throw new AssertionError(INSTALL_HINT);
    }

    private static String run(String... command) {
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            String stderr = Files.readString(err);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "): " + stderr);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage() + ". " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
