package app.soiree.command.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationPreferences;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the planner and the dispatcher know of someone they notify, as of the event being handled.
 *
 * @param phone verified E.164 number, null until verified
 */
public record Recipient(UserId userId, @Nullable String email, String displayName, String roles, NotificationPreferences preferences,
                        long preferenceVersion, @Nullable String phone, boolean smsOptedOut, boolean whatsappOptedOut,
                        boolean whatsappConsent, @Nullable Instant whatsappWindowUntil) {

    public boolean whatsappWindowOpen(Instant now) {
        return whatsappWindowUntil != null && whatsappWindowUntil.isAfter(now);
    }
}
