package app.soiree.api.refund;

import app.soiree.api.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider says a refund failed (or was cancelled). Before it succeeded: {@link RefundFailed}.
 * After it succeeded: {@link RefundReversed}, as the money came back — but only when the provider
 * reports on the refund itself. {@code refusedOnRequest} marks the provider refusing a request to make
 * it: that can fail a refund not yet made, never undo one that was (a repeated request for a refund
 * already made is refused because it was made). Applied once per refund.
 */
public record FailRefund(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, String reason, String providerEventId,
                         boolean refusedOnRequest) {

    /** The provider reports the refund failed: a webhook, or the refund looked up. */
    public static FailRefund reported(PaymentId paymentId, RefundId refundId, String reason, String providerEventId) {
        return new FailRefund(paymentId, refundId, reason, providerEventId, false);
    }

    /** The provider refused the request to make the refund. */
    public static FailRefund refusedOnRequest(PaymentId paymentId, RefundId refundId, String reason, String providerEventId) {
        return new FailRefund(paymentId, refundId, reason, providerEventId, true);
    }
}
