package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** Fired by a durable deadline at the gathering's end. */
public record GatheringEnded(GatheringId gatheringId, UserId hostId, Instant endedAt) {
}
