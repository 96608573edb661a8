package app.soiree.api.refund;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Refunds what is still refundable of a payment, at most {@code upTo}: a cancellation gives back what
 * its policy grants, less what staff refunded before. Answers the amount requested (zero when nothing
 * was left, recorded as {@link RefundNotNeeded}); the refund id makes a repeated request harmless.
 */
public record RefundRemaining(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, Money upTo, String reason) {
}
