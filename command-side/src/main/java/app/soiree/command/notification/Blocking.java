package app.soiree.command.notification;

import app.soiree.api.identity.UserId;

/**
 * Whether a recipient blocked whoever caused a notification: then they hear nothing of it. The social graph answers
 * this once blocking exists; until then {@link NotificationConfiguration} says nobody is blocked.
 */
public interface Blocking {

    boolean blocked(UserId recipientId, UserId actorId);
}
