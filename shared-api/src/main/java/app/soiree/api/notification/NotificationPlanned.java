package app.soiree.api.notification;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A notification exists. {@code deliverAt}: it is not to be seen before then (an expiry warning), not even in-app.
 * What was decided for a channel while planning, under {@code preferenceVersion}, is part of this event: the channels
 * {@code skipped} (and why), those {@code delivered} at once (only {@code IN_APP}, whose delivery is the inbox,
 * attempt 1 at {@code plannedAt}) and those {@code due} at once (attempt 1 goes out now, as a {@link DeliveryDue} at
 * {@code plannedAt} would say). Every later decision (due again, deferred, sent, failed, skipped when stale or
 * withdrawn) follows as an event of its own. Notifications planned before these fields existed have them empty and
 * their plan-time decisions as separate {@link DeliverySkipped}, {@link DeliverySent} and {@link DeliveryDue} events.
 */
public record NotificationPlanned(NotificationId notificationId, UserId recipientId, NotificationKind kind, NotificationCategory category,
                                  String triggerKey, @PersonalData(subject = "recipientId") NotificationContent content, @Nullable Instant deliverAt, Instant staleAt,
                                  long preferenceVersion, Instant plannedAt, Map<NotificationChannel, SkipReason> skipped,
                                  Set<NotificationChannel> delivered, Set<NotificationChannel> due) implements NotificationEvent {

    public NotificationPlanned {
        // Absent (null) in the events stored before they existed; in the channels' order otherwise, so that the same
        // decisions are always written the same way.
        skipped = skipped == null || skipped.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(skipped));
        delivered = inChannelOrder(delivered);
        due = inChannelOrder(due);
        if (delivered.stream().anyMatch(channel -> channel != NotificationChannel.IN_APP)) {
            throw new IllegalArgumentException("Only the in-app channel is delivered while planning: " + delivered);
        }
        if (due.contains(NotificationChannel.IN_APP)) {
            throw new IllegalArgumentException("The in-app channel is delivered while planning, never due: " + due);
        }
        if (delivered.stream().anyMatch(skipped::containsKey) || due.stream().anyMatch(skipped::containsKey)) {
            throw new IllegalArgumentException("A channel is skipped, delivered or due: " + skipped + ", " + delivered + ", " + due);
        }
    }

    private static Set<NotificationChannel> inChannelOrder(@Nullable Set<NotificationChannel> channels) {
        return channels == null || channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
    }
}
