package app.soiree.api.dispute;

import java.time.Instant;

/**
 * The decision started under {@code idempotencyKey} did not happen: the provider refused it or could not be reached,
 * or no answer was recorded in time. The dispute is as it was before, open to either decision again.
 */
public record DisputeDecisionFailed(DisputeId disputeId, DisputeDecision decision, String idempotencyKey, String reason,
                                    Instant failedAt) {
}
