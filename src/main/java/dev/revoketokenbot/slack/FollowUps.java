package dev.revoketokenbot.slack;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the work that follows an ack (InfluxDB and Web API calls), so Slack always gets its answer
 * within 3 seconds. Every call made here has its own timeout, so the pool cannot be held forever.
 */
@ApplicationScoped
public class FollowUps {

    private static final Logger LOG = Logger.getLogger(FollowUps.class);
    private static final int THREADS = 16;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, new Named());

    /** Runs {@code task} after the ack; a failure is logged once, by kind, never thrown to Bolt. */
    public void run(String what, Runnable task) {
        pool.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.errorf("%s failed: %s", what, e.getClass().getName());
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "follow-up-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
