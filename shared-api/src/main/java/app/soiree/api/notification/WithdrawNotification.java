package app.soiree.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a waiting notification announced is no longer true (the hold was confirmed): whatever has not gone out stays in. */
public record WithdrawNotification(@TargetAggregateIdentifier NotificationId notificationId, String reason) {
}
