package app.soiree.api.gathering;

import org.jspecify.annotations.Nullable;

public record FindReviews(GatheringId gatheringId, @Nullable String cursor, int limit) {
}
