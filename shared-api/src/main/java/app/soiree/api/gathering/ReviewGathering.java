package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReviewGathering(@TargetAggregateIdentifier GatheringId gatheringId, UserId guestId, int rating, String text) {
}
