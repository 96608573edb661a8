package app.soiree.api.payment;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Opens the payment for held seats, with the provider's payment intent when it was created already. Sent again for the
 * same booking it changes nothing, unless it brings the intent the payment did not know yet.
 */
public record RequestPayment(@TargetAggregateIdentifier PaymentId paymentId, BookingId bookingId, GatheringId gatheringId,
                             UserId hostId, UserId guestId, Money amount, String provider, @Nullable String providerReference) {
}
