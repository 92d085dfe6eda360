package kz.nobd.ingest.pipeline;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The schools and kinds whose first acceptance of a day this instance knows to be announced on
 * facts.submissions.v1, so that a later batch of the day does not ask the database again (in a bulk load nearly
 * every batch names thousands of schools announced hours before, and the question was one key probe per school).
 * Learnt only from what the database showed committed (a school its statement left out because a committed row
 * already holds the day), never from this instance's own uncommitted announcement, so a rolled-back batch cannot
 * make the day's announcement be skipped. At most one entry per school and kind (the later day); every instance
 * keeps its own.
 */
@ApplicationScoped
public class AnnouncedSubmissions {
    private final Map<Outcomes.Submitted, LocalDate> lastDay = new ConcurrentHashMap<>();

    /** Those of {@code submitted} not known to be announced on {@code day}: only they need the database's answer. */
    List<Outcomes.Submitted> unknown(Collection<Outcomes.Submitted> submitted, LocalDate day) {
        return submitted.stream().filter(s -> !day.equals(lastDay.get(s))).toList();
    }

    /** {@code submitted}'s announcement of {@code day} is committed (seen in the database). */
    void committed(Outcomes.Submitted submitted, LocalDate day) {
        lastDay.merge(submitted, day, (known, seen) -> seen.isAfter(known) ? seen : known);
    }
}
