package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** A payout with reserved funds, needing {@code requiredApprovals} (0, 1 or 2) different FINANCE approvers. */
public record PayoutRequested(PayoutId payoutId, UserId hostId, Money amount, String destinationAccount, int requiredApprovals,
                              Instant requestedAt) {
}
