package app.soiree.api.booking;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record BookingView(
        BookingId bookingId,
        GatheringId gatheringId,
        UserId hostId,
        UserId guestId,
        TierId tierId,
        int quantity,
        BookingStatus status,
        Money amount,
        Money refundedAmount,
        @Nullable Instant holdExpiresAt,
        boolean checkedIn,
        Instant createdAt,
        @Nullable PaymentView payment) {
}
