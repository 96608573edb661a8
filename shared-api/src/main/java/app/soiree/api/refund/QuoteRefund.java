package app.soiree.api.refund;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answers what {@link RefundRemaining} with the same refund id records, or recorded: at most {@code upTo}, less what
 * was refunded before. It moves nothing, and is refused as that command would be. A read of the payment itself, not
 * of a projection, so a guest's cancellation can name its refund exactly while the refund is recorded from the event.
 */
public record QuoteRefund(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, Money upTo) {
}
