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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final ReviewRepository reviews;
    private final JdbcTemplate jdbc;

    GatheringProjection(GatheringRepository gatherings, ReviewRepository reviews, JdbcTemplate jdbc) {
        this.gatherings = gatherings;
        this.reviews = reviews;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GatheringCreated event) {
        if (gatherings.existsById(event.gatheringId().value())) {
            return;
        }
        gatherings.saveAndFlush(new Gathering(event)); // its tiers, written by statement, refer to it
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

    /**
     * The event lists every tier there is now: unknown ones are added, missing ones removed, known ones keep their counts.
     * By statement, as {@link TierSeats} moves the counts: entities of the same rows would write stale counts back.
     */
    private void describeTiers(GatheringId gatheringId, List<Tier> described) {
        List<Object[]> rows = new ArrayList<>(described.size());
        for (int position = 0; position < described.size(); position++) {
            Tier tier = described.get(position);
            rows.add(new Object[] {gatheringId.value(), tier.tierId().value(), position, tier.name(), tier.price().amountMinor(),
                    tier.price().currency().getCurrencyCode(), tier.capacity()});
        }
        jdbc.batchUpdate("""
                insert into gathering_tiers (gathering_id, tier_id, position, name, price_amount, price_currency, capacity)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (gathering_id, tier_id) do update set position = excluded.position, name = excluded.name,
                    price_amount = excluded.price_amount, price_currency = excluded.price_currency, capacity = excluded.capacity""", rows);
        UUID[] kept = described.stream().map(tier -> tier.tierId().value()).toArray(UUID[]::new);
        jdbc.update("delete from gathering_tiers where gathering_id = ? and tier_id <> all (?)", gatheringId.value(), kept);
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
