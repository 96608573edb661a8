package app.soiree.api.notification;

public enum NotificationChannel {
    IN_APP,
    EMAIL,
    SMS,
    WHATSAPP;

    /** Channels that can wake someone up: quiet hours hold them back. In-app is silent, email waits in the inbox anyway. */
    public boolean intrusive() {
        return this == SMS || this == WHATSAPP;
    }

    /** Channels that go to a phone number, which must be verified first. */
    public boolean phone() {
        return this == SMS || this == WHATSAPP;
    }
}
