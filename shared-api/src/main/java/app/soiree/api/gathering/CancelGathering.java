package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelGathering(@TargetAggregateIdentifier GatheringId gatheringId, UserId requestedBy, String reason) {
}
