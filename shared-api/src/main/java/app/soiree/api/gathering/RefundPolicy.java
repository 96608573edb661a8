package app.soiree.api.gathering;

import app.soiree.api.Money;
import java.time.Duration;
import java.time.Instant;

/**
 * What a guest who cancels gets back: everything when cancelling at least {@code fullRefundHoursBefore}
 * hours before the start, nothing later. The one place that decides it, so a richer policy (a partial
 * refund window, a cancellation fee) is a change here and in the gathering's form.
 */
public record RefundPolicy(int fullRefundHoursBefore) {

    /** The refund owed for {@code paid} when the guest cancels at {@code cancelledAt}. */
    public Money refundFor(Money paid, Instant startsAt, Instant cancelledAt) {
        Instant fullRefundUntil = startsAt.minus(Duration.ofHours(fullRefundHoursBefore));
        return cancelledAt.isBefore(fullRefundUntil) ? paid : Money.zero(paid.currency());
    }
}
