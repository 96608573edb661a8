package app.soiree.api.error;

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
        return Arrays.stream(ErrorCode.values()).filter(code -> code.name().equals(String.valueOf(details))).findFirst();
    }
}
