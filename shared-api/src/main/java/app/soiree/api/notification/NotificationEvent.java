package app.soiree.api.notification;

import app.soiree.api.identity.UserId;

/** An event in one notification's life: the inbox, the staff view and the audit follow these. */
public interface NotificationEvent {

    NotificationId notificationId();

    UserId recipientId();
}
