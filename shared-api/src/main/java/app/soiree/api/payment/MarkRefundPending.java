package app.soiree.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider accepted the refund and will report its outcome later. */
public record MarkRefundPending(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, String providerReference) {
}
