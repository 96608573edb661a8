package app.soiree.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A channel sender's answer for one attempt. An answer for an attempt that is not the current one changes nothing. */
public record RecordDeliveryOutcome(@TargetAggregateIdentifier NotificationId notificationId, NotificationChannel channel, int attempt,
                                    DeliveryOutcome outcome) {
}
