package app.soiree.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider created its side of the payment (a Stripe PaymentIntent) under {@code providerReference}. */
public record RecordPaymentIntent(@TargetAggregateIdentifier PaymentId paymentId, String providerReference) {
}
