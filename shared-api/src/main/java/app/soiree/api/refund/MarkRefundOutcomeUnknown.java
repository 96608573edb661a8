package app.soiree.api.refund;

import app.soiree.api.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider was asked about a refund as often as allowed and never answered. */
public record MarkRefundOutcomeUnknown(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, String reason) {
}
