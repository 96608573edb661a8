package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** Staff restarted the transfer of a payout whose outcome stayed unknown. */
public record PayoutTransferRetried(PayoutId payoutId, UserId hostId, Money amount, String destinationAccount, UserId requestedBy,
                                    Instant at) {
}
