package app.soiree.api.gathering;

import java.time.Instant;
import java.util.List;

/** The gathering's details and its complete list of tiers after the edit. */
public record GatheringEdited(GatheringId gatheringId, GatheringDetails details, List<Tier> tiers, Instant editedAt) {
}
