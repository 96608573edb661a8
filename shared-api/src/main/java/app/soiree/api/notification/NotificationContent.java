package app.soiree.api.notification;

import app.soiree.api.identity.PersonalData;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a notification says, rendered in the recipient's language when it was planned. {@code data} holds the values the
 * texts were made from (gathering id, title, start, venue...), for client apps and for email and WhatsApp templates.
 */
public record NotificationContent(@PersonalData String title, @PersonalData String body, @Nullable String link, Map<String, String> data, String language) {

    public NotificationContent {
        data = Map.copyOf(data);
    }
}
