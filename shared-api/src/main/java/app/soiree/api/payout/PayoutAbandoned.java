package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The payout was never opened and never will be: a request with its idempotency key is refused, and its reserved funds go back. */
public record PayoutAbandoned(PayoutId payoutId, UserId hostId, Money amount, Instant abandonedAt) {
}
