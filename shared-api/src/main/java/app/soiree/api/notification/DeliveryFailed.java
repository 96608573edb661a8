package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Attempt {@code attempt} failed; {@code willRetry}: a retry is scheduled ({@link DeliveryDeferred} follows). */
public record DeliveryFailed(NotificationId notificationId, UserId recipientId, NotificationChannel channel, int attempt,
                             @Nullable String errorCode, String detail, boolean permanent, boolean willRetry, Instant at)
        implements DeliveryEvent {

    @Override
    public DeliveryStatus status() {
        return willRetry ? DeliveryStatus.WAITING : DeliveryStatus.FAILED;
    }
}
