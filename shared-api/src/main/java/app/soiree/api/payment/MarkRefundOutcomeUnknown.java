package app.soiree.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider was asked about a refund as often as allowed and never answered. */
public record MarkRefundOutcomeUnknown(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, String reason) {
}
