package app.soiree.query.payment;

import app.soiree.api.payment.PaymentView;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Payments by the bookings they pay for, for the booking views. */
@Component
public class PaymentViews {

    private final PaymentRowRepository payments;

    PaymentViews(PaymentRowRepository payments) {
        this.payments = payments;
    }

    public Optional<PaymentView> forBooking(UUID bookingId) {
        return payments.findByBookingId(bookingId).map(PaymentRow::toView);
    }

    /** One query for a page of bookings. */
    public Map<UUID, PaymentView> forBookings(Collection<UUID> bookingIds) {
        return payments.findByBookingIdIn(bookingIds).stream().collect(Collectors.toMap(PaymentRow::bookingId, PaymentRow::toView));
    }
}
