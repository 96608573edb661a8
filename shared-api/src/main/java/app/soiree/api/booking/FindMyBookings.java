package app.soiree.api.booking;

import app.soiree.api.identity.UserId;
import org.jspecify.annotations.Nullable;

public record FindMyBookings(UserId guestId, @Nullable String cursor, int limit) {
}
