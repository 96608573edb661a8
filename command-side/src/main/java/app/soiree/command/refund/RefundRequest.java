package app.soiree.command.refund;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.RefundId;

/** What the provider is told about a refund: of {@code amount}, against the payment it knows as {@code paymentReference}. */
public record RefundRequest(RefundId refundId, PaymentId paymentId, String paymentReference, Money amount, String reason) {
}
