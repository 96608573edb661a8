package app.soiree.api.refund;

import app.soiree.api.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider says a refund succeeded. Applied once per refund; after a failure it is a stale report
 * and changes nothing (a failed refund is final at the provider).
 */
public record ConfirmRefund(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, String providerReference,
                            String providerEventId) {
}
