package kz.nobd.ingest.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a polled batch in ONE database transaction, decided as a set; if that fails for a reason of the data (not of the
 * infrastructure), every record gets its own transaction so one poison record cannot take its neighbours
 * down, and a record that fails even alone is decided by {@code onPoison} (rejected as MALFORMED).
 * Infrastructure failures are rethrown: the consumer rewinds and retries the batch.
 */
@ApplicationScoped
public class RecordBatches {
    private static final Logger LOG = Logger.getLogger(RecordBatches.class);

    @Inject
    DataSource dataSource;

    /** Decides a list of records in the caller's transaction. */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(Connection c, List<ConsumerRecord<String, byte[]>> records) throws SQLException;
    }

    @FunctionalInterface
    public interface RecordHandler {
        void handle(Connection c, ConsumerRecord<String, byte[]> record) throws SQLException;
    }

    public void run(List<ConsumerRecord<String, byte[]>> records, BatchHandler handler, RecordHandler onPoison) {
        try {
            inTransaction(c -> handler.handle(c, records));
        } catch (RuntimeException batchFailure) {
            if (Transient.is(batchFailure)) {
                throw batchFailure;
            }
            LOG.warnf("batch of %d records failed (%s): processing them one by one", records.size(),
                    batchFailure.getMessage());
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    inTransaction(c -> handler.handle(c, List.of(record)));
                } catch (RuntimeException recordFailure) {
                    if (Transient.is(recordFailure)) {
                        throw recordFailure;
                    }
                    LOG.errorf(recordFailure, "record %s cannot be processed: rejected", RecordRef.of(record));
                    inTransaction(c -> onPoison.handle(c, record));
                }
            }
        }
    }

    /** Decides a list of records in one transaction; any failure is the caller's (no per-record fallback). */
    public void runOnce(List<ConsumerRecord<String, byte[]>> records, BatchHandler handler) {
        inTransaction(c -> handler.handle(c, records));
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                work.run(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
