package dev.revoketokenbot.slack;

import dev.revoketokenbot.config.FollowUpSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the work that follows an ack (InfluxDB and Web API calls), so Slack always gets its answer
 * within 3 seconds. Every call made here has its own timeout, so no thread is held forever, and
 * the queue is bounded: when it is full, work is turned away (and the person told) instead.
 *
 * <p>Follow-up threads run at the lowest Java priority, so that when the CPU is short, acks (on
 * Vert.x's event-loop threads) go first. The JVM applies Java priorities on Linux only with {@code
 * -XX:ThreadPriorityPolicy=1}; the Helm chart and the benchmark set it, with {@code
 * -XX:JavaPriority1_To_OSPriority=19} (nice 19). Lowering one's own priority needs no privilege.
 */
@ApplicationScoped
public class FollowUps {

    private static final Logger LOG = Logger.getLogger(FollowUps.class);
    /** Notices to people whose work was turned away; if even these overflow, they are only logged. */
    private static final int NOTICES = 100;

    private final ThreadPoolExecutor work;
    private final ThreadPoolExecutor decisions;
    private final ThreadPoolExecutor notices;
    private final Counter turnedAway;

    FollowUps(FollowUpSettings settings, MeterRegistry metrics) {
        this.work = pool(settings.threads(), settings.queue(), "follow-up");
        this.decisions = pool(settings.decisionThreads(), settings.decisionQueue(), "decision");
        this.notices = pool(1, NOTICES, "follow-up-notice");
        metrics.gauge("revoke_follow_ups_waiting", work, pool -> pool.getQueue().size());
        metrics.gauge(
                "revoke_decisions_waiting", decisions, pool -> pool.getQueue().size());
        this.turnedAway = metrics.counter("revoke_follow_ups_turned_away");
    }

    /**
     * Runs {@code task} after the ack; a failure is logged once, by kind, never thrown to Bolt.
     * Returns false, having queued nothing, when the queue is full.
     */
    public boolean run(String what, Runnable task) {
        return submit(work, what, task);
    }

    /**
     * Runs the decision on a click after its ack, on the decision lane, which lookups never fill.
     * Returns false, having queued nothing, when even that lane is full.
     */
    public boolean decide(String what, Runnable task) {
        return submit(decisions, what, task);
    }

    private boolean submit(ThreadPoolExecutor pool, String what, Runnable task) {
        try {
            pool.execute(() -> runLogged(what, task));
            return true;
        } catch (RejectedExecutionException e) {
            turnedAway.increment();
            LOG.warnf(
                    "%s turned away: %d already waiting", what, pool.getQueue().size());
            return false;
        }
    }

    /** Sends a short word to someone whose work was turned away, without holding up the ack. */
    public void tell(String what, Runnable notice) {
        try {
            notices.execute(() -> runLogged(what, notice));
        } catch (RejectedExecutionException e) {
            LOG.warnf("%s not sent: too many notices waiting", what);
        }
    }

    /** Whether no follow-up, decision or notice is running or waiting. */
    boolean isIdle() {
        for (ThreadPoolExecutor pool : new ThreadPoolExecutor[] {work, decisions, notices}) {
            if (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (ThreadPoolExecutor pool : new ThreadPoolExecutor[] {work, decisions, notices}) {
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }

    private static void runLogged(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf("%s failed: %s", what, e.getClass().getName());
        }
    }

    private static ThreadPoolExecutor pool(int threads, int queue, String name) {
        return new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), new LowPriority(name));
    }

    private static final class LowPriority implements ThreadFactory {
        private final String name;
        private final AtomicInteger count = new AtomicInteger();

        LowPriority(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        }
    }
}
