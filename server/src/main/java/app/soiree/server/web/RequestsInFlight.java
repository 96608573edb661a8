package app.soiree.server.web;

import app.soiree.command.InFlight;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The API requests being answered right now, for work that can wait until nobody is waiting for an answer (the tracking
 * processors that only keep records and views, {@code messaging.BackgroundEventSource}). Counts every request under
 * {@code /api/} from its first filter to its last, except file downloads, which stream for as long as a slow client reads.
 */
public final class RequestsInFlight extends RequestFilter {

    private final InFlight requests = new InFlight();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || ReadAdmissionFilter.isFileDownload(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        requests.started();
        try {
            chain.doFilter(request, response);
        } finally {
            requests.ended();
        }
    }

    /** API requests being answered. */
    public int count() {
        return requests.count();
    }

    /**
     * Returns once no API request is being answered, or when {@code maxWait} has passed, whichever comes first.
     *
     * @return whether it is quiet now
     */
    public boolean awaitQuiet(Duration maxWait) throws InterruptedException {
        return requests.awaitNone(maxWait);
    }
}
