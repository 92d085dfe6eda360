package kz.nobd.dashboard.browser.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: the first folder above the module's that holds deploy/local/nobd. */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/nobd")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no NOBD checkout (a folder with deploy/local/nobd) above " + start);
    }

    /** the dashboard module's folder */
    public static Path dashboard() {
        return find().resolve("dashboard");
    }
}
