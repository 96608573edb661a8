package app.soiree.api.gathering;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
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

    @Override
    public String toString() {
        return value.toString();
    }
}
