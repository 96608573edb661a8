package app.soiree.server.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A filter of a request's first dispatch, which is the only one Spring Boot registers a plain filter for (forwards,
 * includes, error pages and async dispatches pass by it, as they pass by a {@code OncePerRequestFilter}'s defaults).
 * Not a {@code OncePerRequestFilter}: that one is registered for every dispatch and tells the first by an attribute it
 * reads, sets and removes on every request, through every wrapper of the request: three calls a filter. Request
 * attribute calls, these and the framework's, were a tenth of a small read's request-thread samples in a profile
 * (docs/benchmarks.md, "Fewer layers per request").
 */
public abstract class RequestFilter implements Filter {

    @Override
    public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse && !shouldNotFilter(http)) {
            doFilterInternal(http, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Requests this filter lets through untouched. */
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return false;
    }

    protected abstract void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException;
}
