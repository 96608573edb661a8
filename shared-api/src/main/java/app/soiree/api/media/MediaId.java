package app.soiree.api.media;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

public record MediaId(UUID value) implements TypedId {

    public MediaId {
        Objects.requireNonNull(value, "value");
    }

    public static MediaId of(String value) {
        return new MediaId(UUID.fromString(value));
    }

    public static MediaId random() {
        return new MediaId(RandomUuids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
