package kz.nobd.report.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import kz.nobd.report.domain.DeltaKey;

/**
 * The cube's deltas of fact batches whose commit failed without saying whether it happened (the connection broke
 * while committing: PostgreSQL killed, say). The batch is read again, but if its commit did happen, its spells are
 * stored and reading them again yields no deltas: the cube would miss them. Each such batch is kept with the next
 * offsets it stored; the next transaction reads the stored offsets, and the deltas of every batch they show
 * committed are owed to the cube (the others are forgotten: their records come again) until a commit applies them.
 * Consumer thread only.
 */
final class InDoubtCommits {
    private record Batch(Map<TopicPartition, Long> next, Map<DeltaKey, Integer> deltas) {
    }

    private final List<Batch> batches = new ArrayList<>();
    private final Map<DeltaKey, Integer> owed = new HashMap<>();

    /** A commit of a batch storing {@code next} offsets, with these deltas of its own, failed without saying more. */
    void failed(Map<TopicPartition, Long> next, Map<DeltaKey, Integer> deltas) {
        batches.add(new Batch(Map.copyOf(next), Map.copyOf(deltas)));
    }

    /** Whether a batch is in doubt or deltas are owed (then the stored offsets must be read: {@link #plus}). */
    boolean pending() {
        return !batches.isEmpty() || !owed.isEmpty();
    }

    /**
     * {@code deltas} plus every delta owed to the cube, once the batches in doubt are settled against {@code stored}
     * (the offsets committed so far): a batch whose next offsets are all stored was committed, and its deltas are
     * owed from now on; the others were not, and are forgotten.
     */
    Map<DeltaKey, Integer> plus(Map<TopicPartition, Long> stored, Map<DeltaKey, Integer> deltas) {
        for (Batch batch : batches) {
            boolean committed = batch.next().entrySet().stream()
                    .allMatch(e -> stored.getOrDefault(e.getKey(), -1L) >= e.getValue());
            if (committed) {
                batch.deltas().forEach((key, delta) -> owed.merge(key, delta, Integer::sum));
            }
        }
        batches.clear();
        Map<DeltaKey, Integer> all = new HashMap<>(deltas);
        owed.forEach((key, delta) -> all.merge(key, delta, Integer::sum));
        return all;
    }

    /** A commit applied the owed deltas to the cube. */
    void paid() {
        owed.clear();
    }

    /** The cube was built again from the database, which holds every batch that did commit: nothing is owed. */
    void forget() {
        batches.clear();
        owed.clear();
    }
}
