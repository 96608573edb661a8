package app.soiree.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * What Spring Security checks on every request, the same checks without a regular expression each. Profiled on
 * {@code GET /api/me/feed} (docs/benchmarks.md), the firewall's header patterns and the bearer token's pattern, run over
 * a 700-character access token, were 12 % of a request thread's CPU.
 */
final class RequestScreening {

    private static final String BEARER = "Bearer ";

    private RequestScreening() {
    }

    /** Spring's strict firewall, its header names and values checked as its own pattern does: assigned, no control character. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestScreening::assignedWithoutControls);
        firewall.setAllowedHeaderValues(RequestScreening::assignedWithoutControls);
        return firewall;
    }

    /**
     * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, the firewall's default, one code point at a time; printable ASCII (every
     * character of an access token, and of nearly every header) passes without asking for its Unicode category.
     */
    static boolean assignedWithoutControls(String text) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /**
     * The token of an {@code Authorization: Bearer} header, as Spring's default resolver finds it: no header or another
     * scheme is no token (the request is anonymous); a bearer header whose token is not an RFC 6750 b64token
     * ({@code [A-Za-z0-9-._~+/]+=*}) is refused as malformed. Tokens are never read from the query string or a form.
     */
    static BearerTokenResolver bearerTokens() {
        return RequestScreening::bearerToken;
    }

    static @Nullable String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1)) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || !isB64Token(header, BEARER.length())) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(BEARER.length());
    }

    private static boolean isB64Token(String text, int from) {
        int i = from;
        while (i < text.length() && isTokenCharacter(text.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < text.length() && text.charAt(i) == '=') {
            i++;
        }
        return i == text.length();
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
