package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateGathering(@TargetAggregateIdentifier GatheringId gatheringId, UserId hostId, GatheringDetails details, List<Tier> tiers) {
}
