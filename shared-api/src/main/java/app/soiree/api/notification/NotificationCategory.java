package app.soiree.api.notification;

/** What a recipient switches on and off per channel. */
public enum NotificationCategory {
    TRANSACTIONAL,
    REMINDERS,
    SOCIAL,
    CHAT,
    HOSTING,
    PROMOTIONAL
}
