package kz.nobd.ingest.pipeline;

import java.sql.SQLException;

/**
 * Whether a failure is the infrastructure's (database down, connection lost, serialisation or deadlock, Kafka
 * unreachable), so the whole batch is retried later, rather than the record's.
 */
public final class Transient {
    private Transient() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.startsWith("58")) {
                    return true;
                }
            }
            if (t instanceof org.apache.kafka.common.errors.RetriableException
                    || t.getClass().getName().contains("AcquisitionTimeout")
                    || t instanceof java.sql.SQLTransientException) {
                return true;
            }
        }
        return false;
    }
}
