package app.soiree.query.notification;

import app.soiree.api.notification.NotificationCategory;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.QuietHours;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/me/notification-preferences}: the user's choices (the defaults until they change any), the version
 * that counts their changes (0: never changed), the verified number masked, WhatsApp consent, the channels their
 * number opted out of (STOP), and until when WhatsApp's free-form window is open.
 */
public record NotificationPreferencesView(String timezone, @Nullable QuietHours quietHours, Map<NotificationChannel, Boolean> channels,
                                          Map<NotificationCategory, Map<NotificationChannel, Boolean>> categories, String language,
                                          long version, Phone phone, boolean whatsappConsent, Map<NotificationChannel, Boolean> optedOut,
                                          @Nullable Instant whatsappWindowUntil) {

    /** {@code number}: masked ({@code +33•••••••78}); null until a number is verified. */
    public record Phone(@Nullable String number, boolean verified) {
    }
}
