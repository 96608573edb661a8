package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Attempt {@code attempt} of a delivery is to go out now; the channel's sender answers with its outcome. */
public record DeliveryDue(NotificationId notificationId, UserId recipientId, NotificationKind kind, NotificationChannel channel,
                          int attempt, @Nullable UserId resentBy, Instant at) implements DeliveryEvent {

    @Override
    public DeliveryStatus status() {
        return DeliveryStatus.PLANNED;
    }
}
