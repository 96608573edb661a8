package app.soiree.command.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationKind;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a trigger wants said to someone; the planner decides how.
 *
 * @param triggerKey  unique per cause (the triggering event's id, or a deadline's name and moment): with the recipient
 *                    and the kind it makes the notification's id, so the same cause seen twice notifies once
 * @param data        the values the texts are made from; instants as ISO-8601 strings under keys ending in {@code At}
 *                    or {@code By}, which the texts also get in local time as {@code <key>Local}
 * @param linkPath    where a click leads, a path in the platform ({@code /gatherings/…})
 * @param occurredAt  when the cause happened
 * @param deliverAt   not before then (an expiry warning planned when the hold is taken); null: at once
 * @param staleAt     no use after then; null: {@code freshFor} of the kind after it is due
 * @param actorId     who caused it, if someone did (when either of the two blocked the other, the recipient hears nothing of it)
 */
public record NotificationDraft(String triggerKey, UserId recipientId, NotificationKind kind, Map<String, String> data,
                                @Nullable String linkPath, Instant occurredAt, @Nullable Instant deliverAt, @Nullable Instant staleAt,
                                @Nullable UserId actorId) {

    public NotificationDraft {
        data = Map.copyOf(data);
    }

    public static NotificationDraft now(String triggerKey, UserId recipientId, NotificationKind kind, Map<String, String> data,
                                        @Nullable String linkPath, Instant occurredAt) {
        return new NotificationDraft(triggerKey, recipientId, kind, data, linkPath, occurredAt, null, null, null);
    }

    public NotificationDraft deliveredAt(Instant at, Instant stale) {
        return new NotificationDraft(triggerKey, recipientId, kind, data, linkPath, occurredAt, at, stale, actorId);
    }

    public NotificationDraft by(UserId actor) {
        return new NotificationDraft(triggerKey, recipientId, kind, data, linkPath, occurredAt, deliverAt, staleAt, actor);
    }
}
