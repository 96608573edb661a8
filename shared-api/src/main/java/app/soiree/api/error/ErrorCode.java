package app.soiree.api.error;

/**
 * Stable, machine-readable error codes. Clients, the REST layer and the console map these codes,
 * never message texts. Each code carries the HTTP status it is answered with.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_REQUEST(400),
    WEBHOOK_SIGNATURE_INVALID(400),
    UNAUTHENTICATED(401),
    INVALID_CREDENTIALS(401),
    INVALID_REFRESH_TOKEN(401),
    FORBIDDEN(403),
    /** A payout's requester, or its first approver, tried to approve it. */
    APPROVAL_NOT_ALLOWED(403),
    /** The caller is not a member of the conversation (members only may post, react or report). */
    NOT_A_MEMBER(403),
    /** Muted in this conversation by its host, owner or support. */
    MUTED(403),
    /** Banned from this conversation by its host, owner or support. */
    BANNED(403),
    /** One of the two users blocked the other. */
    BLOCKED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    /** The request body is larger than the server accepts ({@code soiree.http.max-body-size}). */
    PAYLOAD_TOO_LARGE(413),
    /** An upload larger than its purpose allows ({@code soiree.media.*}). */
    MEDIA_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The upload's bytes are not of a type its purpose accepts (the type is read from the bytes, never the name). */
    MEDIA_TYPE_NOT_ALLOWED(415),
    EMAIL_ALREADY_REGISTERED(409),
    STATE_CONFLICT(409),
    /** A client-chosen id that is already someone else's, or another object's. */
    ID_ALREADY_USED(409),
    IDEMPOTENCY_KEY_REUSED(409),
    IDEMPOTENCY_KEY_IN_USE(409),
    ALREADY_A_HOST(409),
    /** A user's own erasure waits while the platform still owes them money (a host's pending, available or reserved earnings). */
    ERASURE_BLOCKED(409),
    /** The account's personal data was erased: it no longer changes. */
    ACCOUNT_ERASED(409),
    IDEMPOTENCY_KEY_REQUIRED(400),
    GATHERING_NOT_BOOKABLE(409),
    ALREADY_BOOKED(409),
    HOLD_EXPIRED(409),
    BOOKING_NOT_ACTIVE(409),
    NOT_SOLD_OUT(409),
    ALREADY_CHECKED_IN(409),
    BOOKING_NOT_CONFIRMED(409),
    PAYMENT_NOT_CAPTURED(409),
    ALREADY_REVIEWED(409),
    CAPACITY_BELOW_BOOKED(409),
    TIER_PRICE_LOCKED(409),
    EDIT_NOT_ALLOWED(409),
    PAYOUT_ACCOUNT_NOT_READY(409),
    PAYOUT_NOT_PENDING(409),
    DISPUTE_CLOSED(409),
    REFUND_NOT_ALLOWED(409),
    /** The medium is attached to something else already. */
    MEDIA_ALREADY_ATTACHED(409),
    SOLD_OUT(422),
    PAYMENT_DECLINED(422),
    REFUND_EXCEEDS_CAPTURED(422),
    INSUFFICIENT_FUNDS(422),
    EVIDENCE_REJECTED(422),
    UNKNOWN_TIER(422),
    REVIEW_NOT_OPEN(422),
    NOT_ATTENDED(422),
    /** The conversation is read-only (closed by its host or after its gathering). */
    READ_ONLY(422),
    /** A preference change would silence a kind that always reaches in-app and email. */
    CRITICAL_NOT_OPTIONAL(422),
    /** The phone verification code was wrong, expired, or tried too often. */
    VERIFICATION_FAILED(422),
    /** A message can be edited by its author only for a while after it was posted. */
    EDIT_WINDOW_CLOSED(422),
    /** A gathering's conversation takes its members from the bookings, never by hand. */
    MEMBERSHIP_IS_DERIVED(422),
    /** A group has at most 256 members. */
    GROUP_FULL(422),
    /** A media id that is not the sender's, or not processed and ready. */
    MEDIA_NOT_READY(422),
    /** Nobody follows themselves. */
    CANNOT_FOLLOW_SELF(422),
    /** Nobody reports themselves or their own gathering to support. */
    CANNOT_REPORT_SELF(422),
    /** The gathering's host banned the caller from booking their gatherings. */
    BANNED_BY_HOST(422),
    /** A gathering has had as many announcements as it may ({@code soiree.social.announcements-per-gathering}). */
    ANNOUNCEMENT_LIMIT_REACHED(422),
    /** Only an upcoming, published gathering can be promoted or featured, for a window before it starts. */
    NOT_PROMOTABLE(422),
    RATE_LIMITED(429),
    /** The user uploaded as much as a day allows ({@code soiree.media.daily-quota-*}). */
    MEDIA_QUOTA_EXCEEDED(429),
    /** The conversation is in slow mode and the member posted too recently; {@code Retry-After} says when to try again. */
    SLOW_MODE(429),
    /** A request header, or all of them together, is larger than the server accepts. */
    REQUEST_HEADER_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    PAYMENT_PROVIDER_UNAVAILABLE(503),
    /** The SMS provider could not take a text that must go at once (a phone verification code); nothing was sent. */
    MESSAGING_PROVIDER_UNAVAILABLE(503),
    /** The database cannot be reached; the request changed nothing and may be retried later. */
    DATABASE_UNAVAILABLE(503),
    /** A command had no answer within {@code soiree.commands.timeout}; it may or may not have been carried out. */
    COMMAND_TIMED_OUT(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
