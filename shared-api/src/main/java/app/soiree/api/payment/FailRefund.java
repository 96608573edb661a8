package app.soiree.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider says a refund failed (or was cancelled). Before it succeeded: {@link RefundFailed}.
 * After it succeeded: {@link RefundReversed}, as the money came back. Applied once per refund.
 */
public record FailRefund(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, String reason, String providerEventId) {
}
