package app.soiree.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the console's stylesheets under the console's own path, so that everything the console needs
 * lives under {@code /console/} and a gateway can send that one prefix to the console role.
 *
 * <p>Lumo's stylesheet ({@code lumo/lumo.css} in Vaadin's jar) and {@link ConsoleShell#STYLESHEET} are
 * in {@code META-INF/resources}, which Spring serves from the context root. The Vaadin servlet owns
 * {@code /console/*} and serves static files from there only under {@code /console/VAADIN/}, so
 * {@code /console/lumo/lumo.css} would reach Vaadin's router and 404. This filter forwards exactly these
 * paths to the root copies, which Spring's static resource handler answers (with its caching headers).
 */
final class ConsoleStylesheets extends OncePerRequestFilter {

    static final String PREFIX = "/console";
    static final String LUMO = "/lumo/";
    static final String OWN = "/" + ConsoleShell.STYLESHEET;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = pathInContext(request);
        if (!path.startsWith(PREFIX + "/")) {
            return true;
        }
        String rest = path.substring(PREFIX.length());
        return !(rest.equals(OWN) || (rest.startsWith(LUMO) && rest.endsWith(".css") && !rest.contains("..")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getRequestDispatcher(pathInContext(request).substring(PREFIX.length())).forward(request, response);
    }

    private static String pathInContext(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
