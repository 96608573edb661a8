package app.soiree.console.payout;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.PayoutApprovalView;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import app.soiree.console.platform.Formats;
import java.util.Optional;
import java.util.function.Function;

/**
 * The approval rule of a payout in words finance reads at a glance, and the four-eyes check the
 * console makes before offering the Approve button. The {@code Payout} aggregate decides in the end
 * (403 {@code APPROVAL_NOT_ALLOWED}); the console only avoids offering what would be refused.
 */
final class Approvals {

    private Approvals() {
    }

    /** For the queue: "1 of 2 · first: Ada", "0 of 1", "automatic". */
    static String progress(PayoutView payout, Function<UserId, String> names) {
        if (payout.requiredApprovals() == 0) {
            return "automatic";
        }
        String given = payout.approvals().size() + " of " + payout.requiredApprovals();
        return payout.approvals().isEmpty() ? given : given + " · first: " + names.apply(payout.approvals().getFirst().by());
    }

    /** For the payout's page: the rule, then what has been given so far. */
    static String rule(PayoutView payout, Function<UserId, String> names) {
        String needs = switch (payout.requiredApprovals()) {
            case 0 -> "No approval needed: small enough to be approved automatically.";
            case 1 -> "Needs 1 approval from finance staff";
            default -> "Needs " + payout.requiredApprovals() + " approvals from different finance staff";
        };
        if (payout.requiredApprovals() == 0) {
            return needs;
        }
        if (payout.approvals().isEmpty()) {
            return needs + "; none given yet.";
        }
        PayoutApprovalView first = payout.approvals().getFirst();
        return needs + "; " + payout.approvals().size() + " given, first by " + names.apply(first.by()) + " at "
                + Formats.time(first.at()) + ".";
    }

    /** Why {@code who} may not approve this payout, or empty when they may. */
    static Optional<String> whyNotApprove(PayoutView payout, UserId who) {
        if (payout.status() != PayoutStatus.PENDING_APPROVAL) {
            return Optional.of("It is not waiting for approval.");
        }
        if (payout.hostId().equals(who)) {
            return Optional.of("You requested this payout: someone else must decide on it.");
        }
        if (payout.approvals().stream().anyMatch(approval -> approval.by().equals(who))) {
            return Optional.of("You approved it already: the second approval must come from someone else.");
        }
        return Optional.empty();
    }

    /** Why {@code who} may not reject it, or empty when they may: the requester never decides, anyone else in finance may. */
    static Optional<String> whyNotReject(PayoutView payout, UserId who) {
        if (payout.status() != PayoutStatus.PENDING_APPROVAL) {
            return Optional.of("It is not waiting for approval.");
        }
        if (payout.hostId().equals(who)) {
            return Optional.of("You requested this payout: someone else must decide on it.");
        }
        return Optional.empty();
    }
}
