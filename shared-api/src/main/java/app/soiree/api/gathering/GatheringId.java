package app.soiree.api.gathering;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

public record GatheringId(UUID value) implements TypedId {

    public GatheringId {
        Objects.requireNonNull(value, "value");
    }

    public static GatheringId of(String value) {
        return new GatheringId(UUID.fromString(value));
    }

    public static GatheringId random() {
        return new GatheringId(RandomUuids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
