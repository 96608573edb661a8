package app.soiree.api.promotion;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;

public record FeaturedGatheringView(GatheringId gatheringId, Instant from, Instant until, UserId featuredBy, Instant featuredAt) {

    public boolean currentAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(until);
    }
}
