package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;

public record AttendeeView(BookingId bookingId, UserId guestId, String displayName, TierId tierId, int quantity, BookingStatus status,
                           boolean checkedIn) {
}
