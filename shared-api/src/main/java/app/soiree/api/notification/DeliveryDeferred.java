package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** A delivery waits until {@code until}: a deferred notification, quiet hours, or a retry's backoff. */
public record DeliveryDeferred(NotificationId notificationId, UserId recipientId, NotificationChannel channel, Instant until,
                               Reason reason, Instant at) implements DeliveryEvent {

    public enum Reason { SCHEDULED, QUIET_HOURS, RETRY }

    @Override
    public DeliveryStatus status() {
        return DeliveryStatus.WAITING;
    }
}
