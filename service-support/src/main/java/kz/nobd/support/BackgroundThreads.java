package kz.nobd.support;

/**
 * Threads of work nobody waits for on the wire (a view's consumer of a topic, a recomputation of kept answers): they
 * run at {@link Thread#MIN_PRIORITY}, which the JVM maps to the OS's nice value 10 when it is started with
 * {@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=10} (every launcher of report-service, the service
 * whose views run on such threads, sets both), so that on cores they share with request threads the requests go first
 * and the background work takes the rest.
 * Without those flags Java priorities mean nothing on Linux and these are ordinary threads. docs/decisions.md,
 * "Requests before background work".
 */
public final class BackgroundThreads {
    private BackgroundThreads() {
    }

    /** A daemon thread named {@code name} running {@code work} at background priority (not started). */
    public static Thread of(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }
}
