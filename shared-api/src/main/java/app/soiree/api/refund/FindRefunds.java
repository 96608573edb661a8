package app.soiree.api.refund;

import app.soiree.api.gathering.BookingId;
import org.jspecify.annotations.Nullable;

/** Refunds for staff, newest first, of one booking and/or in one status when given; answered with a {@link RefundPage}. */
public record FindRefunds(@Nullable BookingId bookingId, @Nullable RefundStatus status, @Nullable String cursor, int limit) {
}
