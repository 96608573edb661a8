package app.soiree.command.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;

/**
 * One attempt at one delivery, ready for a channel sender.
 *
 * @param to                 the email address or the verified E.164 number
 * @param recipientName      how to address them
 * @param content            the texts in the recipient's language, and the values they were made from
 * @param whatsappWindowOpen whether free-form WhatsApp text may go now (the user wrote to us within 24 hours); if not,
 *                           only an approved template may
 */
public record OutgoingMessage(NotificationId notificationId, NotificationKind kind, NotificationChannel channel, int attempt,
                              UserId recipientId, String to, String recipientName, NotificationContent content,
                              boolean whatsappWindowOpen) {
}
