package app.soiree.command.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.SkipReason;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the planner and the dispatcher know of someone they notify, as of the event being handled.
 *
 * @param phone verified E.164 number, null until verified
 */
public record Recipient(UserId userId, @Nullable String email, String displayName, String roles, NotificationPreferences preferences,
                        long preferenceVersion, @Nullable String phone, boolean smsOptedOut, boolean whatsappOptedOut,
                        boolean whatsappConsent, @Nullable Instant whatsappWindowUntil) {

    /**
     * Why nothing can go to them on {@code channel} now, whatever they chose: no address, no verified number, no WhatsApp
     * consent, or a number that said STOP. The planner asks when it plans, the dispatcher again when it sends.
     */
    public Optional<SkipReason> unreachableOn(NotificationChannel channel) {
        return switch (channel) {
            case IN_APP -> Optional.empty();
            case EMAIL -> email == null || email.isBlank() ? Optional.of(SkipReason.NO_ADDRESS) : Optional.empty();
            case SMS, WHATSAPP -> {
                if (phone == null) {
                    yield Optional.of(SkipReason.NO_VERIFIED_PHONE);
                }
                if (channel == NotificationChannel.WHATSAPP && !whatsappConsent) {
                    yield Optional.of(SkipReason.NO_WHATSAPP_CONSENT);
                }
                yield (channel == NotificationChannel.SMS ? smsOptedOut : whatsappOptedOut) ? Optional.of(SkipReason.OPTED_OUT) : Optional.empty();
            }
        };
    }

    public boolean whatsappWindowOpen(Instant now) {
        return whatsappWindowUntil != null && whatsappWindowUntil.isAfter(now);
    }
}
