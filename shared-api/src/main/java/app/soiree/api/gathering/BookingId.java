package app.soiree.api.gathering;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

public record BookingId(UUID value) implements TypedId {

    public BookingId {
        Objects.requireNonNull(value, "value");
    }

    public static BookingId of(String value) {
        return new BookingId(UUID.fromString(value));
    }

    public static BookingId random() {
        return new BookingId(RandomUuids.next());
    }

    /**
     * The booking a request makes when it names none: it follows from the guest and the request's {@code Idempotency-Key},
     * so a retry whose first answer never came (a crash, a 5xx, which is not remembered) comes back to the booking the
     * first attempt made, its seats and its payment, instead of asking for a second one. Name-based, so no client can
     * claim it ahead of its guest (see the booking ids' claim).
     */
    public static BookingId forRequest(UserId guestId, String idempotencyKey) {
        return new BookingId(UUID.nameUUIDFromBytes(("booking:" + guestId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
