package app.soiree.api.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The planner's decision for one channel: send as soon as the notification is due ({@code notBefore} null), wait until
 * {@code notBefore} (quiet hours), or skip it for {@code skipped}.
 */
public record DeliveryPlan(NotificationChannel channel, @Nullable Instant notBefore, @Nullable SkipReason skipped) {

    public static DeliveryPlan send(NotificationChannel channel) {
        return new DeliveryPlan(channel, null, null);
    }

    public static DeliveryPlan after(NotificationChannel channel, Instant notBefore) {
        return new DeliveryPlan(channel, notBefore, null);
    }

    public static DeliveryPlan skip(NotificationChannel channel, SkipReason reason) {
        return new DeliveryPlan(channel, null, reason);
    }
}
