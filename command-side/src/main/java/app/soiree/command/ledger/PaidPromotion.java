package app.soiree.command.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import java.time.Duration;
import java.time.Instant;

/** What a wallet paid for a promotion: the terms a repeat must match, and what a cancellation's refund is a share of. */
record PaidPromotion(GatheringId gatheringId, Money budget, Instant from, Instant until) {

    /**
     * The share of the budget that a cancellation at {@code cancelledAt} leaves unused: all of it before the window
     * opens, none once it has closed, and in between the budget times the unused part of the window, counted in
     * milliseconds. The fraction is rounded up to the next minor unit, in the host's favour: the platform keeps at most
     * what the promotion ran for. Never more than the budget.
     */
    Money unusedAt(Instant cancelledAt) {
        if (!cancelledAt.isAfter(from)) {
            return budget;
        }
        if (!cancelledAt.isBefore(until)) {
            return Money.zero(budget.currency());
        }
        long windowMillis = Duration.between(from, until).toMillis();
        long unusedMillis = Duration.between(cancelledAt, until).toMillis();
        if (windowMillis <= 0) {
            return budget; // a window under a millisecond long has not run for any millisecond
        }
        // Within PromotionLimits (at most 10^7 minor units for 90 days in ms, < 10^17) the product fits a long; exact throws otherwise.
        long unusedMinor = Math.ceilDiv(Math.multiplyExact(budget.amountMinor(), unusedMillis), windowMillis);
        return new Money(Math.min(unusedMinor, budget.amountMinor()), budget.currency());
    }
}
