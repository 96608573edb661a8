package app.soiree.server.web;

import app.soiree.api.error.ErrorCode;
import app.soiree.server.persistence.DatabaseReachability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;

/**
 * While PostgreSQL cannot be reached ({@link DatabaseReachability}), every API request is answered
 * 503 DATABASE_UNAVAILABLE at once, instead of waiting for the pool's connection timeout (which
 * stays long, for a booking rush to queue). Nothing is attempted, so nothing is half done.
 */
final class DatabaseDownFilter extends RequestFilter {

    private final DatabaseReachability database;

    DatabaseDownFilter(DatabaseReachability database) {
        this.database = database;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return database.isReachable() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        ProblemDetails.write(response, ProblemDetails.of(ErrorCode.DATABASE_UNAVAILABLE,
                "The service is temporarily unavailable; try again shortly."));
    }
}
