package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishGathering(@TargetAggregateIdentifier GatheringId gatheringId, UserId requestedBy) {
}
