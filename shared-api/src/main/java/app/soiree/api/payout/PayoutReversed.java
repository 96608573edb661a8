package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/**
 * The provider took {@code amount} of a paid transfer back from the host's account ({@code totalReversed}
 * so far); it returns to the host's available balance through the wallet.
 */
public record PayoutReversed(PayoutId payoutId, UserId hostId, Money amount, Money totalReversed, String transferReference,
                             Instant reversedAt) {
}
