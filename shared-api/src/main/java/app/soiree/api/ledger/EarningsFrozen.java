package app.soiree.api.ledger;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The gathering was cancelled: its earnings stay pending for good, to be refunded, and are never released. */
public record EarningsFrozen(EarningsId earningsId, GatheringId gatheringId, UserId hostId, String reason, Instant frozenAt) {
}
