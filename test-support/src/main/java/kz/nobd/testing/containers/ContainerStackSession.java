package kz.nobd.testing.containers;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the {@link ContainerStack} before a test JVM's first test and stops it after its last, only under profile
 * {@code containers} (system property {@value ContainerStack#COMPOSE_FILE}); otherwise it does nothing and the tests
 * use the test instance of {@code deploy/local/nobd test}. Registered in META-INF/services.
 */
public class ContainerStackSession implements LauncherSessionListener {
    private ContainerStack stack;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // the constant is compiled in: without the profile, ContainerStack (and Testcontainers) is never loaded
        if (System.getProperty(ContainerStack.COMPOSE_FILE) != null) {
            stack = ContainerStack.start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (stack != null) {
            stack.stop();
            stack = null;
        }
    }
}
