package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.jspecify.annotations.Nullable;

/** The bookings of a gathering, for its host; answered with an {@link AttendeePage}, or null when the gathering is not the requester's. */
public record FindAttendees(GatheringId gatheringId, UserId requestedBy, @Nullable String cursor, int limit) {
}
