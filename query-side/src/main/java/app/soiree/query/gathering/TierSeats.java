package app.soiree.query.gathering;

import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.TierId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Moves a booking's seats between a tier's held and confirmed counts when the booking changes status.
 * The caller moves seats only when a booking's status really changed, which is what makes redelivered
 * events harmless. Callers handle their events in {@link #PROCESSING_GROUP}: seat events must be
 * applied after the {@code GatheringCreated} or {@code GatheringEdited} that made their tier, and
 * only one processor sees a gathering's events in the order they happened.
 */
@Component
public class TierSeats {

    public static final String PROCESSING_GROUP = "gatherings";

    private final GatheringTierRepository tiers;

    TierSeats(GatheringTierRepository tiers) {
        this.tiers = tiers;
    }

    /** {@code from} is null for a booking that did not exist before. */
    public void move(GatheringId gatheringId, TierId tierId, int quantity, @Nullable BookingStatus from, BookingStatus to) {
        GatheringTier tier = tiers.findById(TierKey.of(gatheringId, tierId)).orElseThrow(() -> new IllegalStateException(
                "Seats moved on tier " + tierId + " of gathering " + gatheringId + ", which this projection does not know"));
        if (from != null) {
            tier.release(quantity, from);
        }
        tier.occupy(quantity, to);
    }
}
