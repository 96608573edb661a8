package app.soiree.api.promotion;

import app.soiree.api.TypedId;
import app.soiree.api.gathering.GatheringId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The feature of one gathering: one per gathering, derived from its id but never equal to it (the event store
 * keys events by aggregate id whatever the aggregate's type, and the gathering has that id).
 */
public record FeaturedGatheringId(UUID value) implements TypedId {

    public FeaturedGatheringId {
        Objects.requireNonNull(value, "value");
    }

    public static FeaturedGatheringId forGathering(GatheringId gatheringId) {
        return new FeaturedGatheringId(UUID.nameUUIDFromBytes(("featured-gathering:" + gatheringId).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
