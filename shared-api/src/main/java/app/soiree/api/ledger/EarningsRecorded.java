package app.soiree.api.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/**
 * The gathering's earnings changed by {@code net} (signed), because of the event {@code source}.
 * Moves no money: that event already posted it to {@code host:{id}:pending}.
 */
public record EarningsRecorded(EarningsId earningsId, GatheringId gatheringId, UserId hostId, String source, Money net,
                               Instant recordedAt) {
}
