package app.soiree.api.payment;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A payment exists for held seats. {@code providerReference}: the provider's payment intent, when it was created before
 * the payment was recorded (the payment then awaits the guest's payment at once, as a {@link PaymentIntentCreated} would
 * have said); null when the provider had not answered yet, and in the payments requested before this field existed.
 */
public record PaymentRequested(PaymentId paymentId, BookingId bookingId, GatheringId gatheringId, UserId hostId, UserId guestId,
                               Money amount, String provider, Instant requestedAt, @Nullable String providerReference) {
}
