package app.soiree.api.ledger;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gathering was cancelled: its earnings never become available (its bookings are refunded instead). */
public record FreezeEarnings(@TargetAggregateIdentifier EarningsId earningsId, GatheringId gatheringId, UserId hostId, String reason) {
}
