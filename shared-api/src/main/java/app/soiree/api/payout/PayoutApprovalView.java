package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** One FINANCE approval of a payout. */
public record PayoutApprovalView(UserId by, Instant at) {
}
