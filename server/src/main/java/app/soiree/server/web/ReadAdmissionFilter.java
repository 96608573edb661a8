package app.soiree.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * API reads run a few at a time, in the order they came, instead of all at once. A read is short and all CPU (the
 * token's check, a statement or two, JSON): twenty of them at once on two cores share the cores in slices, each
 * handing over to its PostgreSQL backend and back, so every one of them waits behind all the others at every step and
 * the slowest take several times the median. Let in about two per core, the others queue in arrival order and each
 * runs nearly undisturbed: measured with 20 clients on the feed (docs/benchmarks.md "Feed"), the same throughput or more
 * at a p99 of a third.
 * <p>
 * Only {@code GET} and {@code HEAD} under {@code /api/}, and not the downloads of files (media bytes, {@code …/content};
 * dispute evidence, {@code …/files/…}), which stream for as long as a slow client reads. Commands are never queued here (their waits are for locks and providers, not CPU). A
 * read that is not let in within {@code maxWait} runs anyway: the queue orders reads, it never refuses or starves one,
 * and a read that blocks while let in (a slow client, say) delays the others by at most that long.
 */
final class ReadAdmissionFilter extends RequestFilter {

    private final Semaphore admitted;
    private final long maxWaitNanos;

    ReadAdmissionFilter(int concurrentReads, Duration maxWait) {
        this.admitted = new Semaphore(concurrentReads, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Reads waiting to be let in (an estimate, as the queue moves). */
    int queued() {
        return admitted.getQueueLength();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        return !("GET".equals(method) || "HEAD".equals(method)) || !path.startsWith("/api/") || isFileDownload(path);
    }

    static boolean isFileDownload(String path) {
        return path.endsWith("/content") || path.contains("/files/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean letIn;
        try {
            letIn = admitted.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            letIn = false;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (letIn) {
                admitted.release();
            }
        }
    }
}
