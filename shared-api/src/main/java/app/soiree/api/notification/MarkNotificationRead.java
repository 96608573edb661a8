package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The recipient read it (someone else asking learns nothing: not found). */
public record MarkNotificationRead(@TargetAggregateIdentifier NotificationId notificationId, UserId readBy) {
}
