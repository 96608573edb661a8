package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.gathering.TierView;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A gathering as a discovery list shows it; the details are one request away. */
record GatheringSummary(GatheringId gatheringId, String title, Instant startsAt, UserId hostId, List<TierView> tiers,
                        GatheringStatus status, @Nullable Double rating, @Nullable UUID coverMediaId) {

    static GatheringSummary of(GatheringView gathering) {
        return new GatheringSummary(gathering.gatheringId(), gathering.title(), gathering.startsAt(), gathering.hostId(),
                gathering.tiers(), gathering.status(), gathering.rating(), gathering.coverMediaId());
    }
}
