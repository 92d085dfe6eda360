package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Background threads yield to request threads only where the JVM maps Java priorities to nice values: started with
 * the flags report-service's launchers pass, a background thread runs at nice 10 and an ordinary one at 0; without
 * them both run at 0. Each case runs in a JVM of its own (the flags are fixed at start), which prints the nice value
 * of its two threads as Linux reports them (/proc/self/task/TID/stat).
 */
class BackgroundThreadsTest {
    static final List<String> PRIORITY_FLAGS = List.of("-XX:ThreadPriorityPolicy=1",
            "-XX:JavaPriority1_To_OSPriority=10");

    @Test
    void aBackgroundThreadIsADaemonAtMinimumPriority() {
        Thread thread = BackgroundThreads.of("some-loop", () -> { });
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(thread.getName()).isEqualTo("some-loop");
    }

    @Test
    void withTheLaunchFlagsABackgroundThreadRunsAtNiceTen() throws Exception {
        assertThat(niceValues(PRIORITY_FLAGS)).containsExactly("bg-probe 10", "fg-probe 0");
    }

    @Test
    void withoutThemItRunsAsAnyOtherThread() throws Exception {
        assertThat(niceValues(List.of())).containsExactly("bg-probe 0", "fg-probe 0");
    }

    private static List<String> niceValues(List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("probe JVM output: %s", out).isZero();
        return out.lines().toList();
    }

    /** Starts a background and an ordinary thread, prints each one's name and nice value, in that order. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            CountDownLatch end = new CountDownLatch(1);
            Runnable waiting = () -> {
                try {
                    end.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            Thread background = BackgroundThreads.of("bg-probe", waiting);
            Thread ordinary = new Thread(waiting, "fg-probe");
            background.start();
            ordinary.start();
            for (String name : List.of("bg-probe", "fg-probe")) {
                System.out.println(name + " " + niceOf(name));
            }
            end.countDown();
        }

        private static String niceOf(String threadName) throws IOException {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    if (Files.readString(task.resolve("comm")).strip().equals(threadName)) {
                        String stat = Files.readString(task.resolve("stat"));
                        // after "pid (comm) ": state is field 3, nice field 19 of proc(5)
                        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
                    }
                }
            }
            throw new IllegalStateException("no thread named " + threadName);
        }
    }
}
