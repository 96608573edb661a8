package app.soiree.query.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BookingRepository extends JpaRepository<Booking, UUID> {

    @Query("select b from Booking b where b.guestId = :guestId order by b.createdAt desc, b.bookingId desc")
    List<Booking> newestOfGuest(UUID guestId, Limit limit);

    @Query("""
            select b from Booking b
            where b.guestId = :guestId and (b.createdAt < :createdAt or (b.createdAt = :createdAt and b.bookingId < :bookingId))
            order by b.createdAt desc, b.bookingId desc""")
    List<Booking> newestOfGuestBefore(UUID guestId, Instant createdAt, UUID bookingId, Limit limit);
}
