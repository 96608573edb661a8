package app.soiree.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A call to the provider ended without an answer: whether it took effect is not known until someone asks. */
public record MarkPaymentOutcomeUnknown(@TargetAggregateIdentifier PaymentId paymentId, String reason) {
}
