package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record PayoutAccountOpened(HostWalletId walletId, UserId hostId, String provider, String accountId, boolean transfersEnabled,
                                  Instant openedAt) {
}
