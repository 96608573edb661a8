package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Every notification of one user, newest first, each with its deliveries per channel and their history, for support;
 * answered with a {@link StaffNotificationPage}. {@code cursor}: the {@code nextCursor} of the previous page.
 */
public record FindNotificationsForStaff(UserId userId, @Nullable String cursor, int limit) {
}
