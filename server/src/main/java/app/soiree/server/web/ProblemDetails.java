package app.soiree.server.web;

import app.soiree.api.error.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents that always carry a stable {@code code}. */
public final class ProblemDetails {

    private static final String TYPE_BASE = "https://soiree.app/problems/";

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
        ProblemDetail problem = of(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One invalid field of a request: the JSON path of the field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
