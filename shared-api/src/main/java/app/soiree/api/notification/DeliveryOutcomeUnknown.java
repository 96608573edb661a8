package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** The provider's answer to attempt {@code attempt} was lost. Not sent again: a status callback may still settle it. */
public record DeliveryOutcomeUnknown(NotificationId notificationId, UserId recipientId, NotificationChannel channel, int attempt,
                                     String detail, Instant at) implements DeliveryEvent {

    @Override
    public DeliveryStatus status() {
        return DeliveryStatus.UNKNOWN;
    }
}
