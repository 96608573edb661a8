package app.soiree.api.notification;

import app.soiree.api.identity.PersonalData;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a notification says, rendered in the recipient's language when it was planned. {@code data} holds the values the
 * texts were made from (gathering id, title, start, venue...), for client apps and for email and WhatsApp templates.
 *
 * <p>A name in {@code data} of someone other than the recipient (who followed them, who booked) travels with that
 * person's user id, under the keys below: so the read side knows whose name a notification shows, and takes it out
 * when that person's data is erased ({@link #namedPeople()}); and so the event stream seals the name, and the texts
 * that carry it, under that person's key as well as the recipient's.
 */
public record NotificationContent(
        @PersonalData(alsoOwnedBy = {NotificationContent.ACTOR_IN_DATA, NotificationContent.GUEST_IN_DATA}) String title,
        @PersonalData(alsoOwnedBy = {NotificationContent.ACTOR_IN_DATA, NotificationContent.GUEST_IN_DATA}) String body,
        @Nullable String link,
        @PersonalData(entries = {NotificationContent.ACTOR_NAME_ENTRY, NotificationContent.GUEST_NAME_ENTRY}) Map<String, String> data,
        String language) {

    /** Who caused the notification (a follower, a publishing or announcing host, a chat's last author): id and name. */
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_NAME = "actorName";
    /** Who booked, in the host's notification of a booking: id and name. */
    public static final String GUEST_ID = "guestId";
    public static final String GUEST_NAME = "guestName";
    /** For the event stream's sealing ({@link PersonalData}): where the ids are, and which name goes with which id. */
    static final String ACTOR_IN_DATA = "data." + ACTOR_ID;
    static final String GUEST_IN_DATA = "data." + GUEST_ID;
    static final String ACTOR_NAME_ENTRY = ACTOR_NAME + "=" + ACTOR_ID;
    static final String GUEST_NAME_ENTRY = GUEST_NAME + "=" + GUEST_ID;
    private static final Map<String, String> NAME_KEY_BY_ID_KEY = Map.of(ACTOR_ID, ACTOR_NAME, GUEST_ID, GUEST_NAME);

    public NotificationContent {
        data = Map.copyOf(data);
    }

    /** The people the texts name besides the recipient: each one's user id, with the name the texts gave them. */
    public Map<UUID, String> namedPeople() {
        Map<UUID, String> named = new HashMap<>();
        NAME_KEY_BY_ID_KEY.forEach((idKey, nameKey) -> {
            String id = data.get(idKey);
            String name = data.get(nameKey);
            if (id != null && name != null && !name.isBlank()) {
                named.put(UUID.fromString(id), name);
            }
        });
        return named;
    }
}
