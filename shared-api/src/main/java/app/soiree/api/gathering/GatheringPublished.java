package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record GatheringPublished(GatheringId gatheringId, UserId hostId, Instant publishedAt) {
}
