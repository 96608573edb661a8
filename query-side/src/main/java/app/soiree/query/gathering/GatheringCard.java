package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import java.time.Instant;

/** What other read models show of a gathering (a chat's gathering card, a gathering conversation's title), as it is now. */
public record GatheringCard(GatheringId gatheringId, String title, Instant startsAt, GatheringStatus status) {
}
