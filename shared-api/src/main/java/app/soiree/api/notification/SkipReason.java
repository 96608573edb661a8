package app.soiree.api.notification;

/** Why a channel was not used for a notification. Recorded in the stream with the preference version that decided it. */
public enum SkipReason {
    /** The recipient switched the category off for this channel. */
    PREFERENCE_OFF,
    /** The recipient switched the whole channel off. */
    CHANNEL_OFF,
    /** Quiet hours held it back until it no longer mattered. */
    QUIET_HOURS_STALE,
    NO_VERIFIED_PHONE,
    NO_WHATSAPP_CONSENT,
    /** The number answered STOP (or the provider says it did). */
    OPTED_OUT,
    /** WhatsApp's 24-hour window is closed and no approved template exists for this kind. */
    WINDOW_CLOSED,
    /** The recipient blocked whoever caused it. */
    BLOCKED,
    /** No address to send to (an account without email, say). */
    NO_ADDRESS,
    /** What it announced stopped being true before it went out (a hold confirmed before its expiry warning). */
    WITHDRAWN;

    /** Where a delivery skipped for this reason stands: withdrawn deliveries are told apart from skipped ones. */
    public DeliveryStatus status() {
        return this == WITHDRAWN ? DeliveryStatus.WITHDRAWN : DeliveryStatus.SKIPPED;
    }
}
