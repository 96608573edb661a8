package app.soiree.api.notification;

import java.time.Duration;

/**
 * What a notification says. {@code critical} kinds always reach in-app and email, whatever the preferences;
 * {@code urgent} kinds never wait for quiet hours (they would be useless after). A non-urgent one held back by quiet
 * hours is dropped if it would arrive more than {@code freshFor} after it was planned.
 */
public enum NotificationKind {
    BOOKING_CONFIRMED(NotificationCategory.TRANSACTIONAL, false, false, Duration.ofHours(24)),
    PAYMENT_FAILED(NotificationCategory.TRANSACTIONAL, true, true, Duration.ofHours(1)),
    HOLD_EXPIRING(NotificationCategory.TRANSACTIONAL, false, true, Duration.ofMinutes(5)),
    WAITLIST_OFFER(NotificationCategory.TRANSACTIONAL, false, true, Duration.ofMinutes(10)),
    REFUND_ISSUED(NotificationCategory.TRANSACTIONAL, true, false, Duration.ofDays(3)),
    GATHERING_CANCELLED(NotificationCategory.TRANSACTIONAL, true, true, Duration.ofDays(1)),
    GATHERING_CHANGED(NotificationCategory.TRANSACTIONAL, false, false, Duration.ofDays(1)),
    GATHERING_REMINDER(NotificationCategory.REMINDERS, false, false, Duration.ofMinutes(30)),
    NEW_FOLLOWER(NotificationCategory.SOCIAL, false, false, Duration.ofDays(2)),
    FOLLOW_REQUESTED(NotificationCategory.SOCIAL, false, false, Duration.ofDays(2)),
    HOST_PUBLISHED(NotificationCategory.SOCIAL, false, false, Duration.ofDays(2)),
    ANNOUNCEMENT(NotificationCategory.SOCIAL, false, false, Duration.ofDays(1)),
    CHAT_UNREAD(NotificationCategory.CHAT, false, false, Duration.ofHours(12)),
    NEW_BOOKING(NotificationCategory.HOSTING, false, false, Duration.ofDays(1)),
    DISPUTE_OPENED(NotificationCategory.HOSTING, false, false, Duration.ofDays(1)),
    DISPUTE_EVIDENCE_DUE(NotificationCategory.HOSTING, false, true, Duration.ofHours(12)),
    PAYOUT_PAID(NotificationCategory.HOSTING, false, false, Duration.ofDays(3)),
    PAYOUT_FAILED(NotificationCategory.HOSTING, false, false, Duration.ofDays(3)),
    PROMOTION_REFUNDED(NotificationCategory.HOSTING, false, false, Duration.ofDays(3));

    private final NotificationCategory category;
    private final boolean critical;
    private final boolean urgent;
    private final Duration freshFor;

    NotificationKind(NotificationCategory category, boolean critical, boolean urgent, Duration freshFor) {
        this.category = category;
        this.critical = critical;
        this.urgent = urgent;
        this.freshFor = freshFor;
    }

    public NotificationCategory category() {
        return category;
    }

    public boolean critical() {
        return critical;
    }

    public boolean urgent() {
        return urgent;
    }

    public Duration freshFor() {
        return freshFor;
    }

    /** Whether a category holds a kind that cannot be switched off on in-app and email. */
    public static boolean hasCriticalKind(NotificationCategory category) {
        for (NotificationKind kind : values()) {
            if (kind.category == category && kind.critical) {
                return true;
            }
        }
        return false;
    }
}
