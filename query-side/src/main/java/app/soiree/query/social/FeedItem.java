package app.soiree.query.social;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One gathering in {@code GET /api/me/feed}: why it is there ({@link Reason}), whether it is promoted now, and when it
 * was published ({@code at}, the feed's order).
 */
record FeedItem(Reason reason, boolean promoted, Instant at, Gathering gathering) {

    /** The first that holds: the reader follows its host, it is featured now, it is promoted now. */
    enum Reason {
        FOLLOWING,
        FEATURED,
        PROMOTED
    }

    /** As it is now: {@code lowestPrice} the cheapest tier with seats left (the cheapest of all when sold out). */
    record Gathering(GatheringId gatheringId, String title, Instant startsAt, UserId hostId, @Nullable UUID coverMediaId, Money lowestPrice,
                     int available) {
    }
}
