package app.soiree.api.refund;

import app.soiree.api.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider accepted the refund and will report its outcome later. */
public record MarkRefundPending(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, String providerReference) {
}
