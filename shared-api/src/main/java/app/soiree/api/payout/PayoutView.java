package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A payout as its host and finance see it. {@code approvals} in the order given, of
 * {@code requiredApprovals}; {@code decidedBy} is who approved it last or rejected it (null when it was
 * approved automatically); {@code reason} says why it was rejected or failed. {@code reversed} is what
 * the provider took back after paying it.
 */
public record PayoutView(PayoutId payoutId, UserId hostId, Money amount, PayoutStatus status, Instant requestedAt,
                         List<PayoutApprovalView> approvals, int requiredApprovals, @Nullable UserId decidedBy, @Nullable String reason,
                         @Nullable String transferReference, Money reversed, boolean needsAttention, Instant updatedAt) {
}
