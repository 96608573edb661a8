package app.soiree.api.notification;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * A provider's status callback: {@code status} is its word mapped onto ours, {@code providerStatus} its own
 * ({@code delivered}, {@code undelivered}...). Callbacks come in any order and more than once: only one that moves the
 * delivery forward is recorded.
 */
public record RecordProviderStatus(@TargetAggregateIdentifier NotificationId notificationId, NotificationChannel channel,
                                   String providerMessageId, DeliveryStatus status, String providerStatus, @Nullable String errorCode,
                                   Instant reportedAt) {
}
