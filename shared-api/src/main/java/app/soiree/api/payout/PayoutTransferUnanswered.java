package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** A transfer call went unanswered; with {@code gaveUp} the retries are over and staff must look at it. */
public record PayoutTransferUnanswered(PayoutId payoutId, UserId hostId, int attempt, String reason, boolean gaveUp, Instant at) {
}
