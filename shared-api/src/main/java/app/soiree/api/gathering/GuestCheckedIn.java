package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record GuestCheckedIn(GatheringId gatheringId, BookingId bookingId, UserId guestId, Instant checkedInAt) {
}
