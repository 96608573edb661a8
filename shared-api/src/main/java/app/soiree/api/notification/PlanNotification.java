package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * The planner's decision for one (trigger, recipient, kind): what it says and, per channel, send, wait or skip.
 * Planning the same notification again changes nothing. {@code deliverAt}: not before then (an expiry warning); null,
 * at once. Deliveries still waiting at {@code staleAt} are dropped.
 */
public record PlanNotification(@TargetAggregateIdentifier NotificationId notificationId, UserId recipientId, NotificationKind kind,
                               String triggerKey, NotificationContent content, List<DeliveryPlan> deliveries, long preferenceVersion,
                               @Nullable Instant deliverAt, Instant staleAt) {

    public PlanNotification {
        deliveries = List.copyOf(deliveries);
    }
}
