package app.soiree.api.gathering;

import java.time.Instant;

/**
 * A gathering as it stood at {@code at}, rebuilt from its events in the event store up to that instant (never from a
 * snapshot or a read model), for support and finance. {@code at} must not be in the future: the future is not rebuilt
 * from events, since deadlines and people may still change it. Answered with a {@link GatheringAsOfResult}, or null
 * when no gathering has this id.
 */
public record FindGatheringAsOf(GatheringId gatheringId, Instant at) {
}
