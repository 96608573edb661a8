package app.soiree.bench;

import java.time.Duration;
import java.util.function.Supplier;

/** Polling for eventually consistent state: projections and asynchronous processing catch up a moment later. */
final class Waiting {

    private Waiting() {
    }

    /** Polls until {@code probe} returns non-null, or fails after {@code timeout}. */
    static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
            }
            sleep(100);
        }
    }

    /**
     * Polls a growing count until it reaches {@code target}, or until it has not moved for
     * {@code stall}. Returns the last count: a correctness check, not this method, decides whether
     * falling short is a failure.
     */
    static long untilCount(long target, Duration stall, Supplier<Long> count) {
        long last = count.get();
        long lastMoved = System.nanoTime();
        while (last < target) {
            sleep(100);
            long now = count.get();
            if (now != last) {
                last = now;
                lastMoved = System.nanoTime();
            } else if (System.nanoTime() - lastMoved > stall.toNanos()) {
                break;
            }
        }
        return last;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
