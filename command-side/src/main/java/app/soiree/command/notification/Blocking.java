package app.soiree.command.notification;

import app.soiree.api.identity.UserId;

/**
 * Whether a recipient and whoever caused a notification blocked one another (either way): then the recipient hears
 * nothing of it. The social graph answers
 * from its directory ({@link NotificationConfiguration}).
 */
public interface Blocking {

    boolean blocked(UserId recipientId, UserId actorId);
}
