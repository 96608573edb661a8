package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code coverMediaId}: the medium shown as the gathering's cover, if any (a plain UUID: the media context builds on identity only). */
public record GatheringView(
        GatheringId gatheringId,
        UserId hostId,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        String timezone,
        @Nullable Venue venue,
        boolean online,
        List<String> tags,
        List<TierView> tiers,
        RefundPolicy refundPolicy,
        GatheringStatus status,
        @Nullable Double rating,
        int ratingCount,
        @Nullable Double hostRating,
        @Nullable UUID coverMediaId) {
}
