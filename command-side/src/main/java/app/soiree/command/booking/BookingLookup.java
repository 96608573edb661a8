package app.soiree.command.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Which gathering holds a booking's seats, and whose booking it is: commands on a booking go to its gathering. */
@Entity
@Table(name = "booking_lookup")
class BookingLookup {

    @Id
    @Column(name = "booking_id")
    private UUID bookingId;

    @Column(name = "gathering_id", nullable = false)
    private UUID gatheringId;

    @Column(name = "guest_id", nullable = false)
    private UUID guestId;

    protected BookingLookup() {
    }

    BookingLookup(UUID bookingId, UUID gatheringId, UUID guestId) {
        this.bookingId = bookingId;
        this.gatheringId = gatheringId;
        this.guestId = guestId;
    }

    UUID gatheringId() {
        return gatheringId;
    }

    UUID guestId() {
        return guestId;
    }
}
