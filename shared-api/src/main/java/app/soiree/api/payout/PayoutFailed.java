package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The provider refused the transfer: the amount in transit returns to the host's available balance (through the wallet). */
public record PayoutFailed(PayoutId payoutId, UserId hostId, Money amount, String reason, Instant failedAt) {
}
