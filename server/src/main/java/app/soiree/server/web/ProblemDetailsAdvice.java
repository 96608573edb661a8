package app.soiree.server.web;

import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.RateLimitedException;
import app.soiree.api.error.SoireeException;
import jakarta.validation.ConstraintViolationException;
import app.soiree.api.TypedId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API call into {@code application/problem+json} with a stable code. Codes
 * are read from {@link SoireeException} or, after a trip through the command bus, from the details
 * of Axon's {@link CommandExecutionException}; message texts are never parsed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return withRetryAfter(respond(ProblemDetails.of(e.code(), e.getMessage())), e.retryAfter());
    }

    private static ResponseEntity<ProblemDetail> withRetryAfter(ResponseEntity<ProblemDetail> response, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(response.getBody());
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFieldsException e) {
        return respond(ProblemDetails.validation(e.problems().stream()
                .map(problem -> new ProblemDetails.FieldError(problem.field(), problem.message())).toList()));
    }

    @ExceptionHandler(SoireeException.class)
    ResponseEntity<ProblemDetail> refused(SoireeException e) {
        return respond(ProblemDetails.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(HandlerExecutionException.class)
    ResponseEntity<ProblemDetail> handlerFailed(HandlerExecutionException e) {
        Optional<ErrorCode> code = CommandFailures.codeOf(e);
        if (code.isPresent()) {
            ResponseEntity<ProblemDetail> refused = respond(ProblemDetails.of(code.get(), e.getMessage()));
            return CommandFailures.retryAfterOf(e).map(retryAfter -> withRetryAfter(refused, retryAfter)).orElse(refused);
        }
        if (DatabaseFailures.isUnavailable(e)) {
            return databaseUnavailable(e);
        }
        if (timedOut(e)) {
            log.warn("A command had no answer in time: {}", e.toString());
            return respond(ProblemDetails.of(ErrorCode.COMMAND_TIMED_OUT,
                    "The platform did not answer in time; repeat the request with the same Idempotency-Key to learn its outcome."));
        }
        log.error("A message handler failed without an error code", e);
        return respond(ProblemDetails.of(ErrorCode.INTERNAL_ERROR, "The request could not be completed."));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return respond(ProblemDetails.of(ErrorCode.NOT_FOUND, "The requested object was not found"));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<ProblemDetails.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new ProblemDetails.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .sorted(Comparator.comparing(ProblemDetails.FieldError::field))
                .toList();
        return respond(ProblemDetails.validation(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<ProblemDetails.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ProblemDetails.FieldError(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return respond(ProblemDetails.validation(errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException e) {
        List<ProblemDetails.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemDetails.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(ProblemDetails.FieldError::field))
                .toList();
        return respond(ProblemDetails.validation(errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (RequestBodyLimitFilter.exceeded(e)) {
            return respond(RequestBodyLimitFilter.problem());
        }
        if (e.getCause() instanceof EdgeInputModule.RefusedValueException refused) {
            return respond(ProblemDetails.validation(List.of(new ProblemDetails.FieldError(jsonPath(refused), refused.reason()))));
        }
        return respond(ProblemDetails.of(ErrorCode.MALFORMED_REQUEST, "The request body is missing or is not valid JSON of the expected shape."));
    }

    /** Says what the parameter must be in the API's words; the exception's own message names Java types. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        String detail = e.getName() + " must be " + expected(e.getRequiredType());
        return respond(ProblemDetails.invalidFields(ErrorCode.MALFORMED_REQUEST, detail,
                List.of(new ProblemDetails.FieldError(e.getName(), detail))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(ProblemDetails.of(ErrorCode.MALFORMED_REQUEST, "The " + e.getHeaderName() + " header is required"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(ProblemDetails.invalidFields(ErrorCode.VALIDATION_FAILED, "The " + e.getParameterName() + " parameter is required",
                List.of(new ProblemDetails.FieldError(e.getParameterName(), "is required"))));
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ProblemDetail> unboundRequest(ServletRequestBindingException e) {
        return respond(ProblemDetails.of(ErrorCode.MALFORMED_REQUEST, "The request is missing a required part."));
    }

    /** A token that was accepted but names no user of ours, e.g. a subject that is not a user id. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        ResponseEntity<ProblemDetail> response = respond(ProblemDetails.of(ErrorCode.UNAUTHENTICATED, "A valid access token is required."));
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(response.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
        return respond(ProblemDetails.of(ErrorCode.NOT_FOUND, "No such resource"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return respond(ProblemDetails.of(ErrorCode.METHOD_NOT_ALLOWED, "The method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ProblemDetails.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "This content type is not supported here; send application/json"));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(Exception e) {
        return respond(ProblemDetails.of(ErrorCode.FORBIDDEN, "You are not allowed to do this."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (RequestBodyLimitFilter.exceeded(e)) {
            return respond(RequestBodyLimitFilter.problem());
        }
        if (DatabaseFailures.isUnavailable(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure while handling a request", e);
        return respond(ProblemDetails.of(ErrorCode.INTERNAL_ERROR, "The request could not be completed."));
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("The database cannot be reached: {}", e.toString());
        ResponseEntity<ProblemDetail> response = respond(ProblemDetails.of(ErrorCode.DATABASE_UNAVAILABLE,
                "The service is temporarily unavailable; try again shortly."));
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    /** {@code tiers[0].name}, as Bean Validation names the fields of a request body. */
    static String jsonPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == UUID.class || TypedId.class.isAssignableFrom(type)) {
            return "a UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 instant between 1970 and 9999 such as 2030-01-31T18:00:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date such as 2030-01-31";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        return "a valid value";
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, HttpStatusCode.valueOf(problem.getStatus()));
    }
}
