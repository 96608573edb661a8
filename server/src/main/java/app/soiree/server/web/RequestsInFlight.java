package app.soiree.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API requests being answered right now, for work that can wait until nobody is waiting for an answer (the tracking
 * processors that only keep records and views, {@code messaging.BackgroundEventSource}). Counts every request under
 * {@code /api/} from its first filter to its last, except file downloads, which stream for as long as a slow client reads.
 */
public final class RequestsInFlight extends RequestFilter {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object quiet = new Object();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || ReadAdmissionFilter.isFileDownload(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            ended();
        }
    }

    /** API requests being answered. */
    public int count() {
        return inFlight.get();
    }

    /**
     * Returns once no API request is being answered, or when {@code maxWait} has passed, whichever comes first.
     *
     * @return whether it is quiet now
     */
    public boolean awaitQuiet(Duration maxWait) throws InterruptedException {
        if (inFlight.get() == 0) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        waiting.incrementAndGet();
        try {
            synchronized (quiet) {
                long left;
                while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(quiet, left);
                }
                return inFlight.get() == 0;
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /**
     * A waiter counts itself before it looks at the count under the monitor; the last request counts down before it looks
     * for waiters. So either the waiter sees the request gone, or the request sees the waiter and wakes it once it waits.
     */
    private void ended() {
        if (inFlight.decrementAndGet() == 0 && waiting.get() > 0) {
            synchronized (quiet) {
                quiet.notifyAll();
            }
        }
    }
}
