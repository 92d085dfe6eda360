package kz.nobd.registry.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.ImportJob;
import kz.nobd.registry.repository.ImportJobRepository;
import kz.nobd.support.Caller;
import kz.nobd.support.NotFoundException;
import kz.nobd.support.Outages;

/**
 * CSV imports as jobs: {@link #submit} records the job (QUEUED) and hands the parsed rows to one of
 * {@code max-concurrent} runners of this replica; the runner imports them as the submitting caller, writing its
 * progress at most every {@value #PROGRESS_EVERY_MS} ms (a transaction of its own, so each write costs a commit), and
 * stores the per-row report when done. Any replica answers {@link #find} from the
 * table. A job whose runner stopped (the replica died) no longer refreshes its heartbeat and is reported FAILED.
 */
@ApplicationScoped
public class ImportJobs {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    static final long PROGRESS_EVERY_MS = 500;

    @Inject
    ImportJobRepository jobs;
    @Inject
    InstitutionImportService importer;
    @Inject
    ImportAdmission admission;
    @Inject
    RegistryConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    Caller caller;

    /** Jobs this replica holds (queued or running): their heartbeat is refreshed. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private ExecutorService runners;

    @PostConstruct
    void start() {
        AtomicInteger number = new AtomicInteger();
        runners = Executors.newFixedThreadPool(config.csvImport().maxConcurrent(), r -> {
            Thread t = new Thread(r, "csv-import-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        runners.shutdownNow();
    }

    /**
     * Reads the file ({@code read}: 400 when its structure is broken) and accepts its rows as a job of the caller;
     * 503 before the file is read when this replica holds as many jobs as allowed.
     */
    public ImportJob submit(Supplier<List<ImportRow>> read, boolean dryRun) {
        Actor actor = Actor.of(caller);
        admission.admit();
        try {
            List<ImportRow> rows = read.get();
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> create(rows.size(), dryRun, actor));
            held.add(job.id);
            runners.execute(() -> run(job.id, rows, actor, dryRun));
            return job;
        } catch (RuntimeException e) {
            admission.release();
            throw e;
        }
    }

    /** The job if it exists and the caller submitted it or is the ministry; else 404. */
    @Transactional
    public ImportJob find(UUID id) {
        ImportJob job = jobs.findById(id);
        if (job == null || !(caller.isMinistry() || caller.name().equals(job.submittedBy))) {
            throw new NotFoundException("no import job " + id + " of yours");
        }
        Instant now = Instant.now(clock);
        if (!job.finished() && job.heartbeatAt.isBefore(now.minus(config.csvImport().staleAfter()))) {
            job.status = ImportJob.Status.FAILED;
            job.failure = "interrupted: the replica running the import stopped after " + job.processed + " of "
                    + job.received + " rows were decided; rows of finished chunks may have landed. Send the file"
                    + " again: an import is an upsert, rows already stored come back UNCHANGED";
            job.finishedAt = now;
        }
        return job;
    }

    @Scheduled(every = "${nobd.registry.import.heartbeat:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> jobs.heartbeat(Set.copyOf(held), Instant.now(clock)));
        } catch (RuntimeException e) {
            LOG.debugf("import heartbeat not written: %s", e.getMessage());
        }
    }

    private ImportJob create(int received, boolean dryRun, Actor actor) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.status = ImportJob.Status.QUEUED;
        job.dryRun = dryRun;
        job.submittedBy = actor.editor().name();
        job.submitterRole = actor.editor().role();
        job.received = received;
        job.submittedAt = Instant.now(clock);
        job.heartbeatAt = job.submittedAt;
        jobs.persist(job);
        return job;
    }

    private void run(UUID id, List<ImportRow> rows, Actor actor, boolean dryRun) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate(); // the validator reads territories outside a transaction
        try {
            update(id, job -> job.status = ImportJob.Status.RUNNING);
            long[] lastProgress = {System.nanoTime()};
            ImportReport report = importer.importRows(rows, actor, dryRun, done -> {
                if (System.nanoTime() - lastProgress[0] >= PROGRESS_EVERY_MS * 1_000_000L) {
                    update(id, job -> job.processed = done);
                    lastProgress[0] = System.nanoTime();
                }
            });
            String json = json(report.rows());
            update(id, job -> finish(job, report, json));
        } catch (RuntimeException e) {
            LOG.warnf(e, "import job %s failed", id);
            String failure = Outages.describe(e).isPresent()
                    ? "the database became unavailable during the import"
                    : "the import failed unexpectedly (logged)";
            try {
                update(id, job -> {
                    job.status = ImportJob.Status.FAILED;
                    job.failure = failure + " after " + job.processed + " of " + job.received + " rows were decided;"
                            + " rows of finished chunks may have landed. Send the file again: an import is an upsert";
                    job.finishedAt = Instant.now(clock);
                });
            } catch (RuntimeException again) {
                LOG.warnf("import job %s: its failure could not be recorded (%s); it will be reported as interrupted",
                        id, again.getMessage());
            }
        } finally {
            requestContext.terminate();
            held.remove(id);
            admission.release();
        }
    }

    private void finish(ImportJob job, ImportReport report, String rows) {
        job.status = ImportJob.Status.DONE;
        job.processed = report.received();
        job.created = (int) report.created();
        job.updated = (int) report.updated();
        job.unchanged = (int) report.unchanged();
        job.rejected = (int) report.rejected();
        job.rows = rows;
        job.finishedAt = Instant.now(clock);
    }

    private void update(UUID id, Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = jobs.findById(id);
            change.accept(job);
            job.heartbeatAt = Instant.now(clock);
        });
    }

    private String json(List<ImportReport.RowResult> rows) {
        try {
            return mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the import report could not be written as JSON", e);
        }
    }
}
