package app.soiree.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestFilterTest {

    final List<String> seen = new ArrayList<>();
    final FilterChain chain = (request, response) -> seen.add("chain " + ((HttpServletRequest) request).getRequestURI());

    /** Filters only requests under /api/, and says so before passing them on. */
    final RequestFilter filter = new RequestFilter() {
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain next)
                throws IOException, ServletException {
            seen.add("filtered " + request.getRequestURI());
            next.doFilter(request, response);
        }
    };

    @Test
    void filtersWhatItDoesNotLetByAndPassesTheRestOnUntouched() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/api/me/wallet"), new MockHttpServletResponse(), chain);
        filter.doFilter(new MockHttpServletRequest("GET", "/console"), new MockHttpServletResponse(), chain);

        assertThat(seen).containsExactly("filtered /api/me/wallet", "chain /api/me/wallet", "chain /console");
    }

    @Test
    void marksNothingOnTheRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me/wallet");
        List<String> attributesInside = new ArrayList<>();
        FilterChain looking = (ServletRequest inner, ServletResponse response) ->
                inner.getAttributeNames().asIterator().forEachRemaining(attributesInside::add);

        filter.doFilter(request, new MockHttpServletResponse(), looking);

        assertThat(attributesInside).isEmpty();
        assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
    }
}
