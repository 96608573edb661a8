package app.soiree.query.gathering;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a list of gatherings elsewhere (the feed) shows of one, as it is now. {@code lowestPrice}: the cheapest tier that
 * still has seats, or the cheapest of all when none has; {@code available}: seats left across its tiers.
 */
public record GatheringListing(GatheringId gatheringId, String title, Instant startsAt, UserId hostId, @Nullable UUID coverMediaId,
                               GatheringStatus status, Money lowestPrice, int available) {
}
