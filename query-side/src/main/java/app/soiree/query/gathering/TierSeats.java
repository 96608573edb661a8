package app.soiree.query.gathering;

import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.TierId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves a booking's seats between a tier's held and confirmed counts when the booking changes status, one statement a
 * move. The caller moves seats only when a booking's status really changed, which is what makes redelivered
 * events harmless. Callers handle their events in {@link #PROCESSING_GROUP}: seat events must be
 * applied after the {@code GatheringCreated} or {@code GatheringEdited} that made their tier, and
 * only one processor sees a gathering's events in the order they happened.
 */
@Component
public class TierSeats {

    public static final String PROCESSING_GROUP = "gatherings";

    private final JdbcTemplate jdbc;

    TierSeats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code from} is null for a booking that did not exist before. Expired, cancelled and refunded bookings occupy no
     * seat. A move that would leave a count below zero is refused, as one on a tier this projection does not know.
     */
    public void move(GatheringId gatheringId, TierId tierId, int quantity, @Nullable BookingStatus from, BookingStatus to) {
        int held = seatsIn(BookingStatus.HELD, quantity, to) - seatsIn(BookingStatus.HELD, quantity, from);
        int confirmed = seatsIn(BookingStatus.CONFIRMED, quantity, to) - seatsIn(BookingStatus.CONFIRMED, quantity, from);
        int moved = jdbc.update("""
                        update gathering_tiers set held = held + ?, confirmed = confirmed + ?
                        where gathering_id = ? and tier_id = ? and held + ? >= 0 and confirmed + ? >= 0""",
                held, confirmed, gatheringId.value(), tierId.value(), held, confirmed);
        if (moved == 0) {
            throw new IllegalStateException("Seats moved (held %+d, confirmed %+d) on tier %s of gathering %s, which this projection does not know or which has fewer"
                    .formatted(held, confirmed, tierId, gatheringId));
        }
    }

    private static int seatsIn(BookingStatus counted, int quantity, @Nullable BookingStatus status) {
        return status == counted ? quantity : 0;
    }
}
