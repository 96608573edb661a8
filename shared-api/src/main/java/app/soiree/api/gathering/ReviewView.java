package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record ReviewView(UserId guestId, int rating, String text, Instant createdAt) {
}
