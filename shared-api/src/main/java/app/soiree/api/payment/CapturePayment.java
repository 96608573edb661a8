package app.soiree.api.payment;

import app.soiree.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * The provider reports the money received. {@code providerFee} is what the provider kept, when it
 * says; {@code providerEventId} names the provider event (or reconciliation) that reported it.
 */
public record CapturePayment(@TargetAggregateIdentifier PaymentId paymentId, String providerReference, Money amountReceived,
                             @Nullable Money providerFee, String providerEventId) {
}
