package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;

/** Support asked for the notification to go out again on {@code channel}; {@link DeliveryDue} follows in their name. */
public record DeliveryResendRequested(NotificationId notificationId, UserId recipientId, NotificationChannel channel, UserId staffId,
                                      Instant at) implements NotificationEvent {
}
