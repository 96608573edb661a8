package app.soiree.server.messaging;

import org.axonframework.modelling.command.ConcurrencyException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a unit of work again at once when it failed on a conflict with events already in the store: the aggregate
 * it loaded (from this replica's cache) was behind. Axon's caching repository evicts the entry when the unit of
 * work rolls back, so the next attempt loads the aggregate from the store. Only such conflicts are retried, and
 * only a few times: everything the failed attempt did was rolled back with it.
 */
final class StaleAggregateRetry {

    private static final Logger log = LoggerFactory.getLogger(StaleAggregateRetry.class);

    private final int attempts;

    StaleAggregateRetry(int attempts) {
        this.attempts = Math.max(1, attempts);
    }

    void run(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                if (attempt > 1) {
                    log.info("{} succeeded at attempt {} after a conflict with a stale cached aggregate", what, attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isConflict(e)) {
                    throw e;
                }
                log.info("{} conflicted with events already stored (stale cached aggregate); running it again from the store "
                        + "(attempt {} of {}): {}", what, attempt + 1, attempts, rootMessage(e));
                try {
                    Thread.sleep(20L * attempt); // lets a command on another replica that holds the aggregate finish
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A conflict on an aggregate's sequence numbers: Axon's own exception, or Axon Server's code for it. */
    static boolean isConflict(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException
                    || (cause.getMessage() != null && cause.getMessage().contains("AXONIQ-2000"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
