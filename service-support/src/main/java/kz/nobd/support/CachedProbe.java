package kz.nobd.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * A dependency probe run in the background ({@link #run()} on a schedule, with its own short timeouts), whose last
 * result a readiness check returns at once: readiness answers immediately whatever is down or hanging. A result
 * older than {@code staleAfter} (the probe hangs) counts as DOWN, and so does "not probed yet".
 */
public final class CachedProbe {
    private static final Logger LOG = Logger.getLogger(CachedProbe.class);

    /** One outcome: up or not, what was seen, and when (System.nanoTime). */
    public record Result(boolean up, String detail) {
    }

    private record Timed(Result result, long at) {
    }

    private final String name;
    private final Callable<String> probe;
    private final Duration staleAfter;
    private final LongSupplier nanoTime;
    private volatile Timed last;

    /** {@code probe} returns what it saw when the dependency answers, throws when it does not. */
    public CachedProbe(String name, Callable<String> probe, Duration staleAfter) {
        this(name, probe, staleAfter, System::nanoTime);
    }

    CachedProbe(String name, Callable<String> probe, Duration staleAfter, LongSupplier nanoTime) {
        this.name = name;
        this.probe = probe;
        this.staleAfter = staleAfter;
        this.nanoTime = nanoTime;
    }

    public String name() {
        return name;
    }

    /** Probes once (on the probing thread) and keeps the outcome. */
    public void run() {
        Result result;
        try {
            result = new Result(true, probe.call());
        } catch (Exception e) {
            result = new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Timed before = last;
        if (before == null || before.result().up() != result.up()) {
            LOG.infof("%s is %s (%s)", name, result.up() ? "up" : "down", result.detail());
        }
        last = new Timed(result, nanoTime.getAsLong());
    }

    /**
     * Whether the last outcome, however old, said the dependency is unreachable ({@link DatabaseGate}): unlike
     * {@link #current()}, "not probed yet" and "the probe is late" do not count, so start-up is not refused.
     */
    public boolean saidDown() {
        Timed timed = last;
        return timed != null && !timed.result().up();
    }

    /** Records that a caller found the dependency unreachable; the next probe that reaches it says up again. */
    public void markDown(String detail) {
        Timed before = last;
        if (before == null || before.result().up()) {
            LOG.infof("%s is down (a request: %s)", name, detail);
        }
        last = new Timed(new Result(false, detail), nanoTime.getAsLong());
    }

    /** The last outcome, at once; DOWN if there is none yet or it is older than {@code staleAfter}. */
    public Result current() {
        Timed timed = last;
        if (timed == null) {
            return new Result(false, "not probed yet");
        }
        Duration age = Duration.ofNanos(nanoTime.getAsLong() - timed.at());
        if (age.compareTo(staleAfter) > 0) {
            return new Result(false, "the probe has not finished for " + age.toSeconds() + " s (last: "
                    + timed.result().detail() + ")");
        }
        return timed.result();
    }
}
