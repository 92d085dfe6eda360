package kz.nobd.testing.seed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import kz.nobd.contracts.events.EquipmentInputReport;

/**
 * ingest-service's submission API as a school system uses it: enrolment events in batches (one after the other,
 * so no event overtakes the one it follows), equipment reports one per request from a few threads, the batches'
 * outcomes, and a school's rejections.
 */
final class IngestSubmissions {
    static final int MAX_BATCH = 5_000;
    static final int EQUIPMENT_THREADS = 4;

    private final ApiClient api;
    private final String ingestUrl;

    IngestSubmissions(ApiClient api, String ingestUrl) {
        this.api = api;
        this.ingestUrl = ingestUrl + "/api/v1";
    }

    /** Outcome counts of a set of batches. */
    record Outcome(long received, long accepted, long rejected, long pending) {
        Outcome plus(Outcome o) {
            return new Outcome(received + o.received, accepted + o.accepted, rejected + o.rejected, pending + o.pending);
        }
    }

    /** Posts one batch (202 expected); returns its batch id. */
    UUID postEnrolment(List<EnrolmentEvent> batch) {
        JsonNode answer = api.post(ingestUrl + "/enrolment-events", batch)
                .expect(202, "POST /enrolment-events (" + batch.size() + " events)");
        return UUID.fromString(answer.path("batchId").asText());
    }

    /** Posts every report, {@link #EQUIPMENT_THREADS} at a time; returns their batch ids. */
    List<UUID> postEquipment(List<EquipmentInputReport> reports) {
        ExecutorService pool = Executors.newFixedThreadPool(EQUIPMENT_THREADS);
        try {
            List<Future<UUID>> posted = new ArrayList<>();
            for (EquipmentInputReport report : reports) {
                posted.add(pool.submit(() -> UUID.fromString(api.post(ingestUrl + "/equipment-reports", report)
                        .expect(202, "POST /equipment-reports (school " + report.schoolBin() + ", " + report.asOf() + ")")
                        .path("batchId").asText())));
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> future : posted) {
                ids.add(future.get());
            }
            return ids;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting equipment reports", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until ingest has decided every item of the batches (pending 0), polling the undecided ones once a second,
     * at most {@code timeout}; returns the counts of the last answers (pending left when it gave up).
     */
    Outcome awaitDecided(List<UUID> batchIds, Duration timeout) {
        Map<UUID, Outcome> last = new LinkedHashMap<>();
        Set<UUID> open = new HashSet<>(batchIds);
        try {
            Awaitility.await("ingest deciding " + batchIds.size() + " batches").atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
                        for (UUID id : List.copyOf(open)) {
                            Outcome outcome = status(id);
                            last.put(id, outcome);
                            if (outcome.pending() == 0) {
                                open.remove(id);
                            }
                        }
                        return open.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // gave up: the counts say how many are still pending
        }
        return last.values().stream().reduce(new Outcome(0, 0, 0, 0), Outcome::plus);
    }

    private Outcome status(UUID batchId) {
        JsonNode b = api.get(ingestUrl + "/batches/" + batchId).expect(200, "GET /batches/" + batchId);
        return new Outcome(b.path("received").asLong(), b.path("accepted").asLong(), b.path("rejected").asLong(),
                b.path("pending").asLong());
    }

    /** The event ids of every rejection listed for a school. */
    Set<UUID> rejectedEventIds(String schoolBin) {
        Set<UUID> ids = new HashSet<>();
        int size = 500;
        for (int page = 0; ; page++) {
            JsonNode answer = api.get(ingestUrl + "/rejections?schoolBin=" + schoolBin + "&page=" + page + "&size=" + size)
                    .expect(200, "GET /rejections of " + schoolBin);
            for (JsonNode item : answer.path("items")) {
                if (item.hasNonNull("eventId")) {
                    ids.add(UUID.fromString(item.path("eventId").asText()));
                }
            }
            if ((long) (page + 1) * size >= answer.path("total").asLong()) {
                return ids;
            }
        }
    }
}
