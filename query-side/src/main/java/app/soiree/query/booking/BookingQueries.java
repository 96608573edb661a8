package app.soiree.query.booking;

import app.soiree.api.booking.BookingPage;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.FindBooking;
import app.soiree.api.booking.FindBookingByProviderReference;
import app.soiree.api.booking.FindBookingForStaff;
import app.soiree.api.booking.FindBookingOfPayment;
import app.soiree.api.booking.FindMyBookings;
import app.soiree.api.booking.PaymentView;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.payment.PaymentViews;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

@Component
class BookingQueries {

    private final BookingRepository bookings;
    private final PaymentViews payments;

    private final PaymentReferenceRepository paymentReferences;

    BookingQueries(BookingRepository bookings, PaymentViews payments, PaymentReferenceRepository paymentReferences) {
        this.bookings = bookings;
        this.payments = payments;
        this.paymentReferences = paymentReferences;
    }

    /** Only the guest and the gathering's host may see a booking; to anyone else it does not exist. */
    @QueryHandler
    @Nullable BookingView handle(FindBooking query) {
        return bookings.findById(query.bookingId().value())
                .filter(booking -> booking.isVisibleTo(query.requestedBy()))
                .map(booking -> booking.toView(payments.forBooking(booking.id()).orElse(null)))
                .orElse(null);
    }

    /** Staff see every booking; the console and staff endpoints are the only senders. */
    @QueryHandler
    @Nullable BookingView handle(FindBookingForStaff query) {
        return staffView(query.bookingId().value());
    }

    @QueryHandler
    @Nullable BookingView handle(FindBookingOfPayment query) {
        return paymentReferences.findById(query.paymentId().value()).map(reference -> staffView(reference.bookingId())).orElse(null);
    }

    @QueryHandler
    @Nullable BookingView handle(FindBookingByProviderReference query) {
        return paymentReferences.findFirstByProviderReference(query.providerReference().strip())
                .map(reference -> staffView(reference.bookingId())).orElse(null);
    }

    private @Nullable BookingView staffView(UUID bookingId) {
        return bookings.findById(bookingId).map(booking -> booking.toView(payments.forBooking(booking.id()).orElse(null))).orElse(null);
    }

    @QueryHandler
    BookingPage handle(FindMyBookings query) {
        int limit = PageLimit.clamped(query.limit());
        Cursor before = Cursor.decode(query.cursor());
        UUID guestId = query.guestId().value();
        Limit rows = Limit.of(KeysetPage.rowsToFetch(limit));
        List<Booking> found = before == null
                ? bookings.newestOfGuest(guestId, rows)
                : bookings.newestOfGuestBefore(guestId, before.at(), before.id(), rows);
        KeysetPage<Booking> page = KeysetPage.of(found, limit, booking -> new Cursor(booking.createdAt(), booking.id()));
        Map<UUID, PaymentView> paid = payments.forBookings(page.items().stream().map(Booking::id).toList());
        return new BookingPage(page.items().stream().map(booking -> booking.toView(paid.get(booking.id()))).toList(), page.nextCursor());
    }
}
