package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record GatheringReviewed(GatheringId gatheringId, UserId hostId, UserId guestId, int rating, String text, Instant reviewedAt) {
}
