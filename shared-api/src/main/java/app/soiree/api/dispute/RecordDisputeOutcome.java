package app.soiree.api.dispute;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment booked the provider's decision ({@link DisputeWon} or {@link DisputeLost}); the dispute closes. */
public record RecordDisputeOutcome(@TargetAggregateIdentifier DisputeId disputeId, DisputeOutcome outcome, Instant decidedAt) {
}
