package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record WaitlistJoined(GatheringId gatheringId, TierId tierId, UserId userId, int position, Instant joinedAt) {
}
