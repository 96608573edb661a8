package app.soiree.api.identity;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

/** A user's identity. {@link #toString()} is the bare UUID, which Axon uses as aggregate identifier. */
public record UserId(UUID value) implements TypedId {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    public static UserId random() {
        return new UserId(RandomUuids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
