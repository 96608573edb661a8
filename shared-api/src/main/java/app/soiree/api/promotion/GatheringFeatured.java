package app.soiree.api.promotion;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The gathering is featured from {@code from} until {@code until}; a later one replaces this window. */
public record GatheringFeatured(FeaturedGatheringId featureId, GatheringId gatheringId, Instant from, Instant until, UserId featuredBy,
                                Instant featuredAt) {
}
