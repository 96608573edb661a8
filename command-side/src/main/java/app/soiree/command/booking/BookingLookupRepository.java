package app.soiree.command.booking;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BookingLookupRepository extends JpaRepository<BookingLookup, UUID> {
}
