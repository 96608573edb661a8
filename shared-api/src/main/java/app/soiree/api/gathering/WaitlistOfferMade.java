package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** Seats came back and the next person in line now holds one until {@code holdExpiresAt}; notifications tell them. */
public record WaitlistOfferMade(GatheringId gatheringId, TierId tierId, UserId userId, BookingId bookingId, Instant holdExpiresAt) {
}
