package app.soiree.api.payout;

import org.jspecify.annotations.Nullable;

/**
 * Payouts of every host, oldest request first (a queue), with {@code status} or all; answered with a
 * {@link PayoutPage}. As a subscription query, each update is the {@link PayoutView} of a payout that
 * entered or left {@code status} (or changed within it), so a finance queue can refresh live.
 */
public record FindPayouts(@Nullable PayoutStatus status, @Nullable String cursor, int limit) {

    /** Whether a payout moving from {@code before} to {@code after} concerns a subscription to this query. */
    public boolean concerns(@Nullable PayoutStatus before, PayoutStatus after) {
        return status == null || status == before || status == after;
    }
}
