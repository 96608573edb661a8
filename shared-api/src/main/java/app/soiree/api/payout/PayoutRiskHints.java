package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Cheap signals for the finance queue: how long the host has had an account and a connected account,
 * how many payouts were paid, failed or rejected before, and how much was paid in this currency;
 * {@code openDisputes} is how many of the host's disputes are not closed yet (null where disputes are not
 * known to the answering side), and {@code refundsSinceLastPayout} how many refunds of the host's
 * gatherings (other than failed ones) were asked for since their last paid payout, or ever without one:
 * money taken back after the earnings were counted.
 */
public record PayoutRiskHints(PayoutId payoutId, UserId hostId, @Nullable Instant hostSince, @Nullable Instant payoutAccountOpenedAt,
                              long paidPayouts, Money paidTotal, long failedOrRejectedPayouts, @Nullable Integer openDisputes,
                              long refundsSinceLastPayout) {
}
