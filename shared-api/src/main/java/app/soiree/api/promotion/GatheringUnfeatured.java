package app.soiree.api.promotion;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;

public record GatheringUnfeatured(FeaturedGatheringId featureId, GatheringId gatheringId, UserId unfeaturedBy, Instant unfeaturedAt) {
}
