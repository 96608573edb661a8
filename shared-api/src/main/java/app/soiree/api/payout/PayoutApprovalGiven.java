package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** One of the approvals a payout needs; {@code approvalsGiven} counts this one. */
public record PayoutApprovalGiven(PayoutId payoutId, UserId hostId, UserId approvedBy, int approvalsGiven, int requiredApprovals,
                                  Instant approvedAt) {
}
