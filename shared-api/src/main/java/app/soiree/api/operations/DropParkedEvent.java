package app.soiree.api.operations;

import java.util.Objects;
import org.axonframework.commandhandling.RoutingKey;

/**
 * Remove one parked event for good, deliberately: the projection will never apply it. The reason is
 * required and logged with {@code requestedBy}. Events parked behind it stay parked until retried.
 */
public record DropParkedEvent(@RoutingKey String parkedEventId, String processingGroup, String sequence, String reason,
                              String requestedBy) {

    /** Enough to say why; the log line stays one line. */
    public static final int MAX_REASON_LENGTH = 500;

    public DropParkedEvent {
        Objects.requireNonNull(parkedEventId, "parkedEventId");
        Objects.requireNonNull(processingGroup, "processingGroup");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("A drop needs a reason of 1 to " + MAX_REASON_LENGTH + " characters");
        }
    }
}
