package app.soiree.api.gathering;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;

public record GatheringReviewed(GatheringId gatheringId, UserId hostId, UserId guestId, int rating, @PersonalData(subject = "guestId") String text, Instant reviewedAt) {
}
