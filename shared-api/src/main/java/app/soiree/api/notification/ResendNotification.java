package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Support sends a notification again on one channel, in their name: a new attempt, preferences aside. */
public record ResendNotification(@TargetAggregateIdentifier NotificationId notificationId, NotificationChannel channel, UserId staffId) {
}
