package app.soiree.command.notification.twilio;

import app.soiree.api.notification.NotificationKind;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code soiree.twilio.*}: the account, the senders and the WhatsApp templates. Secrets come from the environment
 * ({@code SOIREE_TWILIO_AUTH_TOKEN}).
 *
 * @param smsFrom             the number SMS go from (E.164); or
 * @param messagingServiceSid a Messaging Service that picks the sender
 * @param whatsappFrom        the WhatsApp sender, E.164 (sent as {@code whatsapp:+...})
 * @param whatsappTemplates   per kind, the Content SID ({@code HX...}) of the approved template used outside the 24-hour
 *                            window; its variables are the notification's data (gatheringTitle, startsAt, venue...)
 * @param apiBaseUrl          where Twilio's API is; only tests set it (a local stand-in)
 * @param readTimeout         how long a send waits for Twilio's answer; after that its outcome is unknown
 */
@ConfigurationProperties("soiree.twilio")
public record TwilioProperties(@Nullable String accountSid, @Nullable String authToken, @Nullable String smsFrom,
                               @Nullable String messagingServiceSid, @Nullable String whatsappFrom,
                               @Nullable Map<NotificationKind, String> whatsappTemplates, @Nullable String apiBaseUrl,
                               @Nullable Duration readTimeout) {

    public static final String API_BASE = "https://api.twilio.com";

    public TwilioProperties {
        whatsappTemplates = whatsappTemplates == null ? Map.of() : Map.copyOf(whatsappTemplates);
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? API_BASE : apiBaseUrl;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
    }

    public @Nullable String template(NotificationKind kind) {
        String sid = whatsappTemplates.get(kind);
        return sid == null || sid.isBlank() ? null : sid;
    }

    static boolean set(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
