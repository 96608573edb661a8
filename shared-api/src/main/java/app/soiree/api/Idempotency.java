package app.soiree.api;

/**
 * The header that makes a write safe to retry, with Stripe's semantics (the server's {@code IdempotencyFilter}). The
 * writes that must not happen twice take their ids from it ({@code BookingId.forRequest}, {@code MessageId.forRequest},
 * {@code PayoutId.forRequest}, {@code PromotionId.forRequest}), so that a retry carried out again finds what the first
 * attempt made.
 */
public final class Idempotency {

    public static final String KEY_HEADER = "Idempotency-Key";

    private Idempotency() {
    }
}
