package app.soiree.api.error;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;

/**
 * Reads the {@link ErrorCode} of a command that was refused, wherever the refusal is met: thrown
 * in this process ({@link SoireeException}), or after a trip through the command bus, where only the
 * exception's message and details travel (the server's ErrorCodeInterceptor puts the code's name
 * there). The one decoder the REST layer, the console and the processes share.
 */
public final class CommandFailures {

    private static final String RETRY_AFTER_SEPARATOR = ";";

    private CommandFailures() {
    }

    /** The code of a refusal; empty for a failure that is not one (a bug, an outage, a timeout). */
    public static Optional<ErrorCode> codeOf(Throwable thrown) {
        if (thrown instanceof SoireeException refusal) {
            return Optional.of(refusal.code());
        }
        if (thrown instanceof HandlerExecutionException failed) {
            return failed.getDetails().flatMap(CommandFailures::codeIn);
        }
        return Optional.empty();
    }

    /** The code named by a failure's details: the code itself in this process, or its name after the bus. */
    public static Optional<ErrorCode> codeIn(Object details) {
        if (details instanceof ErrorCode code) {
            return Optional.of(code);
        }
        String name = String.valueOf(details).split(RETRY_AFTER_SEPARATOR, 2)[0];
        return Arrays.stream(ErrorCode.values()).filter(code -> code.name().equals(name)).findFirst();
    }

    /**
     * The details a refusal travels with: its code's name and, for a {@link RateLimitedException},
     * when to try again ({@code SLOW_MODE;PT12S}), so the REST layer can answer {@code Retry-After}.
     */
    public static String detailsOf(SoireeException refusal) {
        return refusal instanceof RateLimitedException limited
                ? refusal.code().name() + RETRY_AFTER_SEPARATOR + limited.retryAfter()
                : refusal.code().name();
    }

    /** When a rate-limited command may be tried again, read back from {@link #detailsOf}. */
    public static Optional<Duration> retryAfterOf(Throwable thrown) {
        if (thrown instanceof RateLimitedException limited) {
            return Optional.of(limited.retryAfter());
        }
        if (thrown instanceof HandlerExecutionException failed) {
            return failed.getDetails().map(String::valueOf).filter(details -> details.contains(RETRY_AFTER_SEPARATOR))
                    .map(details -> Duration.parse(details.split(RETRY_AFTER_SEPARATOR, 2)[1]));
        }
        return Optional.empty();
    }
}
