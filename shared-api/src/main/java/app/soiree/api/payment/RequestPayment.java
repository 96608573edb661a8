package app.soiree.api.payment;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the payment for held seats. Sent again for the same booking, it changes nothing. */
public record RequestPayment(@TargetAggregateIdentifier PaymentId paymentId, BookingId bookingId, GatheringId gatheringId,
                             UserId hostId, UserId guestId, Money amount, String provider) {
}
