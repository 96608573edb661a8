package app.soiree.command;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work under way, counted, for other work that may wait until none is (or for a while): the API requests being answered
 * ({@code server.web.RequestsInFlight}), the holds being answered ({@link HoldsBeingAnswered}).
 */
public final class InFlight {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object none = new Object();

    public void started() {
        inFlight.incrementAndGet();
    }

    /**
     * A waiter counts itself before it looks at the count under the monitor; the last piece of work counts down before it
     * looks for waiters. So either the waiter sees the work gone, or the work sees the waiter and wakes it once it waits.
     */
    public void ended() {
        if (inFlight.decrementAndGet() == 0 && waiting.get() > 0) {
            synchronized (none) {
                none.notifyAll();
            }
        }
    }

    /** Work under way now. */
    public int count() {
        return inFlight.get();
    }

    /**
     * Returns once no work is under way, or when {@code maxWait} has passed, whichever comes first.
     *
     * @return whether none is under way now
     */
    public boolean awaitNone(Duration maxWait) throws InterruptedException {
        if (inFlight.get() == 0) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        waiting.incrementAndGet();
        try {
            synchronized (none) {
                long left;
                while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(none, left);
                }
                return inFlight.get() == 0;
            }
        } finally {
            waiting.decrementAndGet();
        }
    }
}
