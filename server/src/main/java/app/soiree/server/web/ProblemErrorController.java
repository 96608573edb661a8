package app.soiree.server.web;

import app.soiree.api.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} (its JSON and its white-label page): whatever the container
 * forwards here (a status sent with {@code sendError}, an exception no handler caught) is answered as
 * problem+json with a stable code, never with a framework's message or a Java type.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        int code = status instanceof Integer value ? value : 404;
        if (failure != null && code >= 500 && !DatabaseFailures.isUnavailable(failure) && !RequestBodyLimitFilter.exceeded(failure)) {
            log.error("Unexpected failure outside Spring MVC on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        return ProblemDetailsAdvice.respond(problemFor(code, failure));
    }

    static ProblemDetail problemFor(int status, @Nullable Throwable failure) {
        if (RequestBodyLimitFilter.exceeded(failure)) {
            return RequestBodyLimitFilter.problem();
        }
        if (DatabaseFailures.isUnavailable(failure)) {
            return ProblemDetails.of(ErrorCode.DATABASE_UNAVAILABLE, "The service is temporarily unavailable; try again shortly.");
        }
        return switch (status) {
            case 400 -> ProblemDetails.of(ErrorCode.MALFORMED_REQUEST, "The request could not be understood.");
            case 401 -> ProblemDetails.of(ErrorCode.UNAUTHENTICATED, "A valid access token is required.");
            case 403 -> ProblemDetails.of(ErrorCode.FORBIDDEN, "You are not allowed to do this.");
            case 404 -> ProblemDetails.of(ErrorCode.NOT_FOUND, "No such resource");
            case 405 -> ProblemDetails.of(ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here.");
            case 413 -> RequestBodyLimitFilter.problem();
            case 415 -> ProblemDetails.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "This content type is not supported here.");
            case 429 -> ProblemDetails.of(ErrorCode.RATE_LIMITED, "Too many requests; slow down.");
            case 431 -> ProblemDetails.of(ErrorCode.REQUEST_HEADER_TOO_LARGE, "The request headers are larger than this server accepts.");
            default -> withStatus(status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR, status);
        };
    }

    /** A status without a code of its own keeps its status, under the nearest general code. */
    private static ProblemDetail withStatus(ErrorCode code, int status) {
        ProblemDetail problem = ProblemDetails.of(code, "The request could not be completed.");
        if (status >= 400 && status <= 599) {
            problem.setStatus(status);
        }
        return problem;
    }
}
