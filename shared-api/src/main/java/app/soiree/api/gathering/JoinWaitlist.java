package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answered with the 1-based position in the tier's waitlist. */
public record JoinWaitlist(@TargetAggregateIdentifier GatheringId gatheringId, TierId tierId, UserId userId) {
}
