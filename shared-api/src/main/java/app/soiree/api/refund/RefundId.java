package app.soiree.api.refund;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import app.soiree.api.gathering.BookingId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

public record RefundId(UUID value) implements TypedId {

    public RefundId {
        Objects.requireNonNull(value, "value");
    }

    public static RefundId of(String value) {
        return new RefundId(UUID.fromString(value));
    }

    /** A refund of its own: each manual refund by staff is a new one. */
    public static RefundId random() {
        return new RefundId(RandomUuids.next());
    }

    /** The refund a booking gets back when it ends without its seats: one per booking, whoever asks for it first. */
    public static RefundId forBooking(BookingId bookingId) {
        return new RefundId(UUID.nameUUIDFromBytes(("refund:" + bookingId).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
