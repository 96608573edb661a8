package app.soiree.api.promotion;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Features an upcoming published gathering from {@code from} until {@code until} (not after it starts); featuring
 * it again replaces the window. 404 for an unknown gathering, 422 {@code NOT_PROMOTABLE} for one that is not upcoming
 * and published, 400 for a window out of order or past the start.
 */
public record FeatureGathering(@TargetAggregateIdentifier FeaturedGatheringId featureId, GatheringId gatheringId, Instant from,
                               Instant until, UserId featuredBy) {

    public FeatureGathering(GatheringId gatheringId, Instant from, Instant until, UserId featuredBy) {
        this(FeaturedGatheringId.forGathering(gatheringId), gatheringId, from, until, featuredBy);
    }
}
