package app.soiree.api.operations;

import java.util.Objects;
import org.axonframework.commandhandling.RoutingKey;

/**
 * Apply a parked sequence again, in order, after its cause was fixed: each event that now applies is
 * removed; the first that fails again stays parked with its new error, and so do those behind it.
 * {@code requestedBy} is the staff user behind it. Answers a {@link ParkedRetrySummary}.
 */
public record RetryParkedEvents(String processingGroup, @RoutingKey String sequence, String requestedBy) {

    public RetryParkedEvents {
        Objects.requireNonNull(processingGroup, "processingGroup");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
