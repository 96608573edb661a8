package app.soiree.api.ledger;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The gathering ended; a durable deadline releases its earnings at {@code releaseAt}. */
public record EarningsReleaseScheduled(EarningsId earningsId, GatheringId gatheringId, UserId hostId, Instant releaseAt,
                                       Instant scheduledAt) {
}
