package app.soiree.query.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRowRepository extends JpaRepository<PaymentRow, UUID> {

    Optional<PaymentRow> findByBookingId(UUID bookingId);

    List<PaymentRow> findByBookingIdIn(Collection<UUID> bookingIds);
}
