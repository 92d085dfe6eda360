package kz.nobd.support;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * Probes the service's database and Kafka in the background, each on a thread of its own with short timeouts
 * ({@code nobd.health.*}); the readiness checks {@code database} and {@code kafka} return the last result at once.
 * Replaces the Quarkus datasource and Kafka checks, which ran on the request and did not answer within seconds
 * when the broker was gone.
 */
@Startup
@ApplicationScoped
public class DependencyProbes {
    @Inject
    DataSource dataSource;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @Inject
    HealthProbeConfig config;

    private final ScheduledExecutorService probing = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "dependency-probe");
        t.setDaemon(true);
        return t;
    });
    private CachedProbe database;
    private CachedProbe broker;
    private volatile Admin admin;

    @PostConstruct
    void start() {
        database = new CachedProbe("database", this::probeDatabase, config.staleAfter());
        broker = new CachedProbe("kafka", this::probeKafka, config.staleAfter());
        long every = config.probeInterval().toMillis();
        probing.scheduleWithFixedDelay(database::run, 0, every, TimeUnit.MILLISECONDS);
        probing.scheduleWithFixedDelay(broker::run, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        probing.shutdownNow();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }

    /** Probes with only a database probe, run by the caller (unit tests of what reads or marks it). */
    static DependencyProbes withDatabase(CachedProbe database) {
        DependencyProbes probes = new DependencyProbes();
        probes.database = database;
        return probes;
    }

    public CachedProbe database() {
        return database;
    }

    public CachedProbe kafka() {
        return broker;
    }

    private String probeDatabase() throws Exception {
        int seconds = (int) Math.max(1, config.probeTimeout().toSeconds());
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(seconds)) {
                throw new IllegalStateException("the connection did not answer within " + seconds + " s");
            }
            return "answered";
        }
    }

    private String probeKafka() throws Exception {
        int timeout = (int) config.probeTimeout().toMillis();
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>(kafka); // the service's own settings (security included)
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness-probe");
            admin = Admin.create(settings);
        }
        int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout)).nodes()
                .get(timeout, TimeUnit.MILLISECONDS).size();
        return nodes + " broker(s)";
    }
}
