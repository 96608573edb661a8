package app.soiree.command.notification;

import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;

/**
 * Sends one delivery on one channel (email, SMS or WhatsApp) and says what happened; never throws for what the provider
 * answered. One bean per channel: the real provider when it is configured, its simulator otherwise.
 */
public interface ChannelSender {

    NotificationChannel channel();

    DeliveryOutcome send(OutgoingMessage message);
}
