package app.soiree.api.promotion;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a gathering's feature; a gathering that is not featured stays as it is. */
public record UnfeatureGathering(@TargetAggregateIdentifier FeaturedGatheringId featureId, GatheringId gatheringId, UserId unfeaturedBy) {

    public UnfeatureGathering(GatheringId gatheringId, UserId unfeaturedBy) {
        this(FeaturedGatheringId.forGathering(gatheringId), gatheringId, unfeaturedBy);
    }
}
