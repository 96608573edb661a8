package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

public record GatheringCreated(GatheringId gatheringId, UserId hostId, GatheringDetails details, List<Tier> tiers, Instant createdAt) {
}
