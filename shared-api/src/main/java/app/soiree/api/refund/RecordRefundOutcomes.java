package app.soiree.api.refund;

import app.soiree.api.payment.PaymentId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Several refunds of one payment reported at once (Stripe's {@code charge.refunded} lists the charge's
 * refunds): each outcome is applied as {@link ConfirmRefund} or {@link FailRefund} would be.
 */
public record RecordRefundOutcomes(@TargetAggregateIdentifier PaymentId paymentId, List<Outcome> outcomes, String providerEventId) {

    public RecordRefundOutcomes {
        outcomes = List.copyOf(outcomes);
    }

    /** {@code failureReason} is null for a refund that succeeded. */
    public record Outcome(RefundId refundId, String providerReference, boolean succeeded, @Nullable String failureReason) {
    }
}
