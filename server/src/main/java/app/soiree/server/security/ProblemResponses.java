package app.soiree.server.security;

import app.soiree.api.error.ErrorCode;
import app.soiree.server.web.ProblemDetails;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answers of the API filter chain, in the same problem+json shape as every other error. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemDetails.write(response, ProblemDetails.of(ErrorCode.UNAUTHENTICATED, "A valid access token is required."));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                ProblemDetails.write(response, ProblemDetails.of(ErrorCode.FORBIDDEN, "You are not allowed to do this."));
    }
}
