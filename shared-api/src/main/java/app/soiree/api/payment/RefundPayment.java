package app.soiree.api.payment;

import app.soiree.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives captured money back to the guest; the refund id makes a repeated request harmless. */
public record RefundPayment(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId, Money amount, String reason) {
}
