package app.soiree.server.security;

import app.soiree.api.error.ErrorCode;
import app.soiree.server.web.ProblemDetails;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 answers of the API filter chain, in the same problem+json shape as every other error. */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, ProblemDetails.of(ErrorCode.UNAUTHENTICATED, "A valid access token is required."));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                write(response, ProblemDetails.of(ErrorCode.FORBIDDEN, "You are not allowed to do this."));
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        // Filters answer before Spring MVC's converters (and their ProblemDetail mix-in) are involved.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
