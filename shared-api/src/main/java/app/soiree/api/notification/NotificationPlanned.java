package app.soiree.api.notification;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification exists. {@code deliverAt}: it is not to be seen before then (an expiry warning), not even in-app;
 * the decision for each channel follows as its own event, under {@code preferenceVersion}.
 */
public record NotificationPlanned(NotificationId notificationId, UserId recipientId, NotificationKind kind, NotificationCategory category,
                                  String triggerKey, @PersonalData(subject = "recipientId") NotificationContent content, @Nullable Instant deliverAt, Instant staleAt,
                                  long preferenceVersion, Instant plannedAt) implements NotificationEvent {
}
