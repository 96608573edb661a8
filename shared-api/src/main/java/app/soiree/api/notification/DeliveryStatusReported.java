package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A provider's callback moved a delivery forward (delivered, read, or failed after all). */
public record DeliveryStatusReported(NotificationId notificationId, UserId recipientId, NotificationChannel channel, DeliveryStatus status,
                                     String providerStatus, @Nullable String providerMessageId, @Nullable String errorCode, Instant at)
        implements DeliveryEvent {
}
