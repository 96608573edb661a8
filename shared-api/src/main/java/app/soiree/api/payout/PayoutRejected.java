package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** Finance said no; the reserved amount goes back to the host's available balance. */
public record PayoutRejected(PayoutId payoutId, UserId hostId, Money amount, UserId rejectedBy, String reason, Instant rejectedAt) {
}
