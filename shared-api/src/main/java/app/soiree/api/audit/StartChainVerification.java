package app.soiree.api.audit;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.RoutingKey;

/**
 * Walk the stored events from the first one, recompute each link of the hash chain over them from the
 * store's bytes, and report the first link that does not hold. The caller chooses
 * {@code verificationId} (so it can follow the verification at once); {@code requestedBy} is the
 * staff user behind it. Refused with {@code STATE_CONFLICT} while another verification is running.
 * Answers the {@code verificationId}.
 */
public record StartChainVerification(@RoutingKey UUID verificationId, String requestedBy) {

    public StartChainVerification {
        Objects.requireNonNull(verificationId, "verificationId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (requestedBy.isBlank()) {
            throw new IllegalArgumentException("A verification is requested by someone");
        }
    }
}
