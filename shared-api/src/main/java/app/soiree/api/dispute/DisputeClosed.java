package app.soiree.api.dispute;

import java.time.Instant;

/** Nothing more can be done on the dispute; the money moved with {@link DisputeWon} or {@link DisputeLost}. */
public record DisputeClosed(DisputeId disputeId, DisputeOutcome outcome, Instant closedAt) {
}
