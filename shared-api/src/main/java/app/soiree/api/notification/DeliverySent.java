package app.soiree.api.notification;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The provider accepted attempt {@code attempt} ({@code providerMessageId}: its id for the message, a Twilio SID);
 * for in-app, it is in the inbox. {@code destination} is masked: the audit says where without repeating the address.
 */
public record DeliverySent(NotificationId notificationId, UserId recipientId, NotificationChannel channel, int attempt,
                           @Nullable String providerMessageId, @PersonalData(subject = "recipientId") @Nullable String destination, @Nullable UserId resentBy, Instant at)
        implements DeliveryEvent {

    @Override
    public DeliveryStatus status() {
        return channel == NotificationChannel.IN_APP ? DeliveryStatus.DELIVERED : DeliveryStatus.SENT;
    }
}
