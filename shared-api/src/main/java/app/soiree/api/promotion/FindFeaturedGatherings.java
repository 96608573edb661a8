package app.soiree.api.promotion;

import java.time.Instant;

/** The features that have not ended by {@code now} (current and scheduled), soonest ending first, at most {@code limit}. */
public record FindFeaturedGatherings(Instant now, int limit) {

    public static final int MAX_LIMIT = 500;

    public FindFeaturedGatherings {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
