package app.soiree.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider said no (a declined card, a cancelled intent), or the payment could not be started. */
public record DeclinePayment(@TargetAggregateIdentifier PaymentId paymentId, String reason, String providerEventId) {
}
