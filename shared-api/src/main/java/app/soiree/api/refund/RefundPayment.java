package app.soiree.api.refund;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives captured money back to the guest; the refund id makes a repeated request harmless. */
public record RefundPayment(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, Money amount, String reason) {
}
