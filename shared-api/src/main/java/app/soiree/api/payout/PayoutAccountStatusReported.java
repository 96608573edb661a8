package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The provider's latest word on the connected account; {@code observedAt} orders reports that arrive out of order. */
public record PayoutAccountStatusReported(HostWalletId walletId, UserId hostId, String accountId, boolean transfersEnabled,
                                          Instant observedAt, @Nullable String sourceEventId, Instant reportedAt) {
}
