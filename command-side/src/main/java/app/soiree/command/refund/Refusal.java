package app.soiree.command.refund;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.CommandFailures;
import java.util.Optional;

/**
 * Tells a business refusal of a command (it carries an {@link ErrorCode}, also after a trip through the
 * command bus) from a failure. A process that meets a refusal records it and goes on; asking again
 * would be refused again, forever. A failure is thrown on, so the event is retried.
 */
public final class Refusal {

    private Refusal() {
    }

    public static Optional<ErrorCode> codeOf(RuntimeException thrown) {
        return CommandFailures.codeOf(thrown);
    }
}
