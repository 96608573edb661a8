package app.soiree.api.ledger;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.RoutingKey;

/**
 * Rebuild every balance from the first event of the stream into a space of its own and compare it
 * with the live ledger. The caller chooses {@code replayId} (so it can ask for the replay's progress
 * at once); {@code requestedBy} is the staff user behind it. Refused with {@code STATE_CONFLICT}
 * while another replay is running. Answers the {@code replayId}.
 */
public record StartLedgerReplay(@RoutingKey UUID replayId, String requestedBy) {

    public StartLedgerReplay {
        Objects.requireNonNull(replayId, "replayId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (requestedBy.isBlank()) {
            throw new IllegalArgumentException("A replay is requested by someone");
        }
    }
}
