package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

/** The host called it off. Every booking still held or confirmed is listed: each is to be released and refunded. */
public record GatheringCancelled(GatheringId gatheringId, UserId hostId, String reason, List<BookingId> activeBookings,
                                 Instant cancelledAt) {
}
