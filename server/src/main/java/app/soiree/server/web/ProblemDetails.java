package app.soiree.server.web;

import app.soiree.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem documents that always carry a stable {@code code}. */
public final class ProblemDetails {

    private static final String TYPE_BASE = "https://soiree.app/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemDetails() {
    }

    public static ProblemDetail of(ErrorCode code, @Nullable String detail) {
        HttpStatus status = HttpStatus.valueOf(code.httpStatus());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        return invalidFields(ErrorCode.VALIDATION_FAILED, errors);
    }

    /** A 400 that names the fields (or headers) at fault, under a code more specific than VALIDATION_FAILED. */
    public static ProblemDetail invalidFields(ErrorCode code, List<FieldError> errors) {
        return invalidFields(code, "The request has invalid fields.", errors);
    }

    public static ProblemDetail invalidFields(ErrorCode code, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(code, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * Writes a problem straight to the servlet response, for filters that answer before Spring MVC
     * (and its ProblemDetail support) is involved.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(problem));
    }

    /** The problem as its JSON document, with the members in the order Spring MVC writes them. */
    public static byte[] json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsBytes(body);
    }

    /** One invalid field of a request: the JSON path of the field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
