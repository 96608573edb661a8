package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The payout may be sent. {@code decidedBy} is the last approver, or null when the policy approved it by itself. */
public record PayoutApproved(PayoutId payoutId, UserId hostId, Money amount, @Nullable UserId decidedBy, Instant approvedAt) {
}
