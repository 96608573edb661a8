package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The wallet learned of a change to the host's available balance; moves no money (its source event posted it). */
public record AvailableFundsRecorded(HostWalletId walletId, UserId hostId, String source, String sourceType, Money change,
                                     Instant recordedAt) {
}
