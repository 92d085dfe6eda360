package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * The test JVM, in which the services run under @QuarkusTest, exits on OutOfMemoryError like the services started
 * by deploy/local/nobd (the surefire argLine of the parent pom).
 */
class OutOfMemoryExitTest {
    @Test
    void theTestJvmExitsOnOutOfMemoryError() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertThat(hotspot.getVMOption("ExitOnOutOfMemoryError").getValue()).isEqualTo("true");
    }
}
