package app.soiree.api.payment;

import app.soiree.api.TypedId;
import app.soiree.api.gathering.BookingId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

public record PaymentId(UUID value) implements TypedId {

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentId of(String value) {
        return new PaymentId(UUID.fromString(value));
    }

    /**
     * A booking has one payment, and its id follows from the booking's: a retried booking request finds
     * the same payment, and the provider sees the same idempotency key.
     */
    public static PaymentId forBooking(BookingId bookingId) {
        return new PaymentId(UUID.nameUUIDFromBytes(("payment:" + bookingId).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
