package app.soiree.query.payment;

import app.soiree.api.booking.PaymentView;
import app.soiree.api.refund.RefundView;
import app.soiree.query.refund.RefundQueries;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Payments by the bookings they pay for, with their refunds, for the booking views. */
@Component
public class PaymentViews {

    private final PaymentRowRepository payments;
    private final RefundQueries refunds;

    PaymentViews(PaymentRowRepository payments, RefundQueries refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    public Optional<PaymentView> forBooking(UUID bookingId) {
        return payments.findByBookingId(bookingId).map(payment -> payment.toView(
                refunds.forPayments(List.of(payment.id())).getOrDefault(payment.id(), List.of())));
    }

    /** Two queries for a page of bookings. */
    public Map<UUID, PaymentView> forBookings(Collection<UUID> bookingIds) {
        List<PaymentRow> found = payments.findByBookingIdIn(bookingIds);
        Map<UUID, List<RefundView>> refunded = refunds.forPayments(found.stream().map(PaymentRow::id).toList());
        return found.stream().collect(Collectors.toMap(PaymentRow::bookingId,
                payment -> payment.toView(refunded.getOrDefault(payment.id(), List.of()))));
    }
}
