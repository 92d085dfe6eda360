package kz.nobd.dashboard.browser.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One NOBD API service run from its packaged jar ({@code <service>/target/quarkus-app/quarkus-run.jar}) as a child
 * JVM in the prod profile, as deploy/local/nobd up starts it: its environment given by the caller, listening on
 * 127.0.0.1 at a port of its own, its output in {@code dashboard/target/e2e-logs/<service>.log}.
 */
public final class ServiceProcess {
    static final String JAVA_OPTIONS = "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** starts {@code service} (a module folder of the checkout) with {@code environment} added to this JVM's */
    public static ServiceProcess start(Path root, String service, int port, Map<String, String> environment, Path logs) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(service + " is not packaged (" + jar + " is missing): run the browser tests"
                    + " with the services in the reactor, e.g. deploy/local/nobd test -- -pl registry-service,"
                    + "ingest-service,report-service,dashboard -am");
        }
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(service + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(JAVA_OPTIONS.split(" ")));
            command.add("-Dnobd.component=" + service + "-e2e");
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve(service).toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            return new ServiceProcess(service, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** waits until /q/health/ready answers 200; fails with the end of its log if it exits or is not ready by {@code deadline} */
    public void awaitReady(Instant deadline) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        try {
            Awaitility.await(name + " ready").atMost(Duration.between(Instant.now(), deadline))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                    .failFast(name + " exited during start-up", () -> !process.isAlive())
                    .until(() -> HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            String why = process.isAlive() ? " not ready at " + url() + "/q/health/ready in time"
                    : " exited with " + process.exitValue() + " during start-up";
            throw new IllegalStateException(name + why + "; the end of " + log + ":\n" + tail(60), e);
        }
    }

    /** SIGTERM, then (after 20 s) SIGKILL */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** the last {@code lines} lines of its log */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }
}
