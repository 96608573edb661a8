package app.soiree.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The application's request mappings, each first checked against the request's path by the literal start of its
 * patterns. A path with a variable ({@code /api/conversations/{id}/messages}) has no direct lookup: Spring MVC tries it
 * against every mapping, and each try evaluates the method, header, consumes and produces conditions before the path
 * (for a POST, some sixty mappings in full), about a tenth of a chat post's request CPU (docs/benchmarks.md). A mapping
 * none of whose patterns' literal starts begins the path cannot match it, and is passed over at once; every other is
 * tried in full as before.
 * <p>
 * The check is only ever a refusal the full match would make too: paths that PathPattern would decode or trim before
 * matching (a {@code %} escape, a {@code ;} parameter) are tried in full, as are mappings without path patterns. What is
 * answered when nothing matches (404, 405, 415) is Spring's own, from every mapping, unchanged (PrefixCheckedMappingsTest).
 */
final class PrefixCheckedMappings extends RequestMappingHandlerMapping {

    /**
     * Each mapping's patterns' literal starts, up to the last separator before their first variable or wildcard and
     * without it ({@code /files/**} and {@code /files/{*rest}} match {@code /files} too); an empty array where one has none.
     */
    private final Map<RequestMappingInfo, String[]> literalStarts = new ConcurrentHashMap<>();
    /** The path of the lookup under way on this thread, read once for all the mappings it tries; null where it may not be checked. */
    private final ThreadLocal<@Nullable String> lookedUpPath = new ThreadLocal<>();

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        lookedUpPath.set(checkablePath(request));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            lookedUpPath.remove();
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = lookedUpPath.get();
        if (path != null && cannotMatch(info, path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** True only where no pattern of the mapping could match the request's path. */
    boolean cannotMatchPath(RequestMappingInfo info, HttpServletRequest request) {
        String path = checkablePath(request);
        return path != null && cannotMatch(info, path);
    }

    /** The request's path, or null where the check must stand aside: a path PathPattern would decode or trim, another parser. */
    private @Nullable String checkablePath(HttpServletRequest request) {
        PathPatternParser parser = getPatternParser();
        if (parser == null || !parser.isCaseSensitive() || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
        return path.indexOf('%') >= 0 || path.indexOf(';') >= 0 ? null : path;
    }

    private boolean cannotMatch(RequestMappingInfo info, String path) {
        String[] starts = literalStarts.computeIfAbsent(info, PrefixCheckedMappings::literalStartsOf);
        if (starts.length == 0) {
            return false;
        }
        for (String start : starts) {
            if (path.startsWith(start)) {
                return false;
            }
        }
        return true;
    }

    private static String[] literalStartsOf(RequestMappingInfo info) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns == null || patterns.isEmptyPathMapping() || !info.getPatternValues().stream().allMatch(p -> p.startsWith("/"))) {
            return new String[0];
        }
        String[] starts = new String[patterns.getPatterns().size()];
        int i = 0;
        for (PathPattern pattern : patterns.getPatterns()) {
            String text = pattern.getPatternString();
            int end = 0;
            while (end < text.length() && "{*?".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            int start = end == text.length() ? end : text.lastIndexOf('/', end - 1);
            if (start <= 0) {
                return new String[0]; // "/{x}", "/**": anything may match
            }
            starts[i++] = text.substring(0, start);
        }
        return starts;
    }
}
