package app.soiree.api.error;

import java.time.Duration;

/** Too many requests of one kind; {@link #retryAfter()} says when the next one will be accepted. */
public class RateLimitedException extends SoireeException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        this(ErrorCode.RATE_LIMITED, message, retryAfter);
    }

    public RateLimitedException(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
