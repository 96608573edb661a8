package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.GatheringReviewed;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.Tier;
import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.media.AttachmentKind;
import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDetached;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code gatherings}, {@code gathering_tiers} and {@code reviews} in step with a gathering's
 * lifecycle and its cover. Delivery is at least once, so every handler leaves the rows as they were
 * when it sees an event again. Seat counts move with bookings; see {@link TierSeats}.
 */
@Component
@ProcessingGroup(TierSeats.PROCESSING_GROUP)
class GatheringProjection {

    private final GatheringRepository gatherings;
    private final GatheringTierRepository tiers;
    private final ReviewRepository reviews;

    GatheringProjection(GatheringRepository gatherings, GatheringTierRepository tiers, ReviewRepository reviews) {
        this.gatherings = gatherings;
        this.tiers = tiers;
        this.reviews = reviews;
    }

    @EventHandler
    void on(GatheringCreated event) {
        if (gatherings.existsById(event.gatheringId().value())) {
            return;
        }
        gatherings.save(new Gathering(event));
        describeTiers(event.gatheringId(), event.tiers());
    }

    @EventHandler
    void on(GatheringEdited event) {
        gathering(event.gatheringId()).describe(event.details());
        describeTiers(event.gatheringId(), event.tiers());
    }

    @EventHandler
    void on(GatheringPublished event) {
        gathering(event.gatheringId()).moveTo(GatheringStatus.PUBLISHED);
    }

    @EventHandler
    void on(GatheringCancelled event) {
        gathering(event.gatheringId()).moveTo(GatheringStatus.CANCELLED);
    }

    @EventHandler
    void on(GatheringEnded event) {
        gathering(event.gatheringId()).moveTo(GatheringStatus.ENDED);
    }

    @EventHandler
    void on(GatheringReviewed event) {
        ReviewKey key = ReviewKey.of(event);
        if (reviews.existsById(key)) {
            return;
        }
        reviews.save(new Review(event));
        gathering(event.gatheringId()).addRating(event.rating());
    }

    /** A new cover replaces the one before; its medium's deletion may come later, see {@link #on(MediaDeleted)}. */
    @EventHandler
    void on(MediaAttached event) {
        if (event.attachment().kind() == AttachmentKind.GATHERING_COVER) {
            gatherings.showCover(event.attachment().targetId(), event.mediaId().value());
        }
    }

    @EventHandler
    void on(MediaDetached event) {
        if (event.attachment().kind() == AttachmentKind.GATHERING_COVER) {
            gatherings.forgetCover(event.attachment().targetId(), event.mediaId().value());
        }
    }

    /** Any deleted medium: only a gathering still showing it loses its cover. */
    @EventHandler
    void on(MediaDeleted event) {
        gatherings.forgetCover(event.mediaId().value());
    }

    /** The event lists every tier there is now: unknown ones are added, missing ones removed, known ones keep their counts. */
    private void describeTiers(GatheringId gatheringId, List<Tier> described) {
        Map<TierKey, GatheringTier> known = tiers.findByKeyGatheringId(gatheringId.value()).stream()
                .collect(Collectors.toMap(GatheringTier::key, Function.identity()));
        for (int position = 0; position < described.size(); position++) {
            Tier tier = described.get(position);
            GatheringTier existing = known.remove(TierKey.of(gatheringId, tier.tierId()));
            if (existing == null) {
                tiers.save(new GatheringTier(gatheringId, tier, position));
            } else {
                existing.describe(tier, position);
            }
        }
        tiers.deleteAll(known.values());
    }

    private Gathering gathering(GatheringId gatheringId) {
        return gatherings.findById(gatheringId.value()).orElseThrow(() -> new IllegalStateException(
                "Gathering " + gatheringId + " has an event but was never created in this projection"));
    }

    /** An erased guest's reviews keep their ratings (the gathering's average stands) without their words. */
    @EventHandler
    void on(PersonalDataErased event) {
        reviews.eraseTextsOf(event.userId().value(), PersonalData.ERASED);
    }
}
