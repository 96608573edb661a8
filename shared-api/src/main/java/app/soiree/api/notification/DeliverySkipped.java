package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** A channel was not used, and why, under which version of the recipient's preferences. */
public record DeliverySkipped(NotificationId notificationId, UserId recipientId, NotificationChannel channel, SkipReason reason,
                              long preferenceVersion, Instant at) implements DeliveryEvent {

    @Override
    public DeliveryStatus status() {
        return reason.status();
    }
}
