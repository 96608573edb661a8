package app.soiree.api.notification;

/**
 * Where one delivery (a notification on one channel) stands. {@code WAITING}: held back (quiet hours, a deferred
 * notification, a retry's backoff). {@code SENT}: the provider accepted it (for email, that is all anyone learns).
 * {@code UNKNOWN}: the provider's answer was lost; it is never sent again blindly, and a later status report settles it.
 */
public enum DeliveryStatus {
    PLANNED(0),
    WAITING(1),
    UNKNOWN(2),
    SENT(3),
    DELIVERED(4),
    READ(5),
    FAILED(6),
    SKIPPED(6),
    WITHDRAWN(6);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public boolean terminal() {
        return this == FAILED || this == SKIPPED || this == WITHDRAWN || this == READ;
    }

    /**
     * Whether a report of {@code next} moves a delivery in this status forward. Reports come in any order and more than
     * once: a late "sent" after "delivered" changes nothing; a failure after "sent" does (the carrier gave up).
     */
    public boolean advancesTo(DeliveryStatus next) {
        if (this == next || this == FAILED || this == SKIPPED || this == WITHDRAWN) {
            return false;
        }
        if (next == FAILED) {
            return this != DELIVERED && this != READ;
        }
        return next.rank > rank;
    }
}
