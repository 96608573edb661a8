package app.soiree.command.refund;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;

/**
 * Tells a business refusal of a command (it carries an {@link ErrorCode}, also after a trip through the
 * command bus) from a failure. A process that meets a refusal records it and goes on; asking again
 * would be refused again, forever. A failure is thrown on, so the event is retried.
 */
public final class Refusal {

    private Refusal() {
    }

    public static Optional<ErrorCode> codeOf(RuntimeException thrown) {
        if (thrown instanceof SoireeException refusal) {
            return Optional.of(refusal.code());
        }
        if (thrown instanceof HandlerExecutionException failed) {
            return failed.getDetails().flatMap(details -> Arrays.stream(ErrorCode.values())
                    .filter(code -> code == details || code.name().equals(details)).findFirst());
        }
        return Optional.empty();
    }
}
