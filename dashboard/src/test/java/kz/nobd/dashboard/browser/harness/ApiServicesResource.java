package kz.nobd.dashboard.browser.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import kz.nobd.testing.signing.SigningCa;

/**
 * The APIs the dashboard under test calls: registry-, ingest- and report-service started from their packaged jars
 * against the test instance (deploy/local/nobd test exports its NOBD_* variables: Kafka and database passwords,
 * the pseudonym key, Keycloak), each on a free port of 127.0.0.1; report-service as replica
 * {@value #REPORT_REPLICA} (a schema of its own, built from the topics), trusting a test CA. The dashboard (in this
 * JVM, {@code @QuarkusTest}) gets their URLs as its REST clients' {@code quarkus.rest-client.*.url}. Global: every
 * browser test shares one start.
 */
@WithTestResource(value = ApiServicesResource.class, scope = TestResourceScope.GLOBAL)
public class ApiServicesResource implements QuarkusTestResourceLifecycleManager {
    static final String REPORT_REPLICA = "7";
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    static final List<String> REQUIRED = List.of("NOBD_KAFKA_BOOTSTRAP", "NOBD_OIDC_AUTH_SERVER_URL", "NOBD_KEYCLOAK_URL",
            "NOBD_PSEUDONYM_KEY", "NOBD_REGISTRY_ADMIN_SECRET", "NOBD_REGISTRY_KAFKA_PASSWORD",
            "NOBD_INGEST_KAFKA_PASSWORD", "NOBD_REPORT_KAFKA_PASSWORD", "NOBD_REGISTRY_DB_PASSWORD",
            "NOBD_INGEST_DB_PASSWORD", "NOBD_REPORT_DB_PASSWORD");
    /** the REST client of the dashboard that calls each service */
    static final Map<String, String> CLIENTS = Map.of("registry-service", "registry", "ingest-service", "ingest",
            "report-service", "report");

    private final List<ServiceProcess> started = new ArrayList<>();
    private Thread shutdownHook;

    @Override
    public Map<String, String> start() {
        List<String> missing = REQUIRED.stream().filter(v -> System.getenv(v) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the browser tests run against the test instance: start them with"
                    + " deploy/local/nobd test (missing " + String.join(", ", missing) + ")");
        }
        Path root = RepositoryRoot.find();
        Path logs = root.resolve("dashboard/target/e2e-logs");
        shutdownHook = new Thread(this::stopAll, "e2e-services-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : List.of("registry-service", "ingest-service", "report-service")) {
            int port = freePort();
            ServiceProcess process = ServiceProcess.start(root, service, port, environment(service, port), logs);
            started.add(process);
            urls.put("quarkus.rest-client." + CLIENTS.get(service) + ".url", process.url());
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            CompletableFuture.allOf(started.stream()
                    .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(deadline))).toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            stopAll();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return urls;
    }

    /** the test instance's variables (inherited) plus the port, the database and what the service needs of its own */
    static Map<String, String> environment(String service, int port) {
        String pg = "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("NOBD_PG_PORT", "25432") + "/";
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_PROFILE", "prod");
        switch (service) {
            case "registry-service" -> env.put("NOBD_REGISTRY_DB_URL", pg + "registry");
            case "ingest-service" -> env.put("NOBD_INGEST_DB_URL", pg + "ingest");
            default -> {
                env.put("NOBD_REPORT_DB_URL", pg + "report");
                env.put("NOBD_REPORT_REPLICA", REPORT_REPLICA);
                env.put("NOBD_SIGNOFF_TRUST_ANCHORS", SigningCa.get().trustAnchors().toString());
                env.put("NOBD_SIGNOFF_CRLS", SigningCa.get().crls());
            }
        }
        return env;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    @Override
    public void stop() {
        stopAll();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs stopAll again, which finds nothing alive
            }
        }
    }

    private synchronized void stopAll() {
        started.parallelStream().forEach(ServiceProcess::stop);
    }
}
