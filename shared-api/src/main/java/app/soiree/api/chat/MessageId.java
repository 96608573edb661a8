package app.soiree.api.chat;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
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

    /**
     * The message a post makes: it follows from the sender and the request's {@code Idempotency-Key}, so a retry whose
     * first answer never came (a crash, a 5xx, which is not remembered) finds the message the first attempt posted
     * instead of posting it twice.
     */
    public static MessageId forRequest(UserId senderId, String idempotencyKey) {
        return new MessageId(UUID.nameUUIDFromBytes(("message:" + senderId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
