package app.soiree.api.chat;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

public record MessageId(UUID value) implements TypedId {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    public static MessageId of(String value) {
        return new MessageId(UUID.fromString(value));
    }

    public static MessageId random() {
        return new MessageId(RandomUuids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
