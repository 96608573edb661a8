package app.soiree.api.notification;

import app.soiree.api.TypedId;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification's identity, derived from what triggered it, whom it is for and what kind it is: the same event
 * delivered twice plans the same notification, which exists once.
 */
public record NotificationId(UUID value) implements TypedId {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId of(String value) {
        return new NotificationId(UUID.fromString(value));
    }

    /** @param triggerKey what caused it, unique per cause (an event's id, or a deadline's name and moment) */
    public static NotificationId of(String triggerKey, UserId recipientId, NotificationKind kind) {
        String name = "notification:" + triggerKey + ":" + recipientId + ":" + kind;
        return new NotificationId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
