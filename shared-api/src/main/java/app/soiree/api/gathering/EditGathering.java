package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Applies the given changes. Once published, only changes that hurt no booking are accepted. */
public record EditGathering(@TargetAggregateIdentifier GatheringId gatheringId, UserId requestedBy, GatheringChanges changes) {
}
