package app.soiree.api.gathering;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

public record TierId(UUID value) implements TypedId {

    public TierId {
        Objects.requireNonNull(value, "value");
    }

    public static TierId of(String value) {
        return new TierId(UUID.fromString(value));
    }

    public static TierId random() {
        return new TierId(RandomUuids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
