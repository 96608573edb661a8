package app.soiree.query.booking;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.FindBookingByProviderReference;
import app.soiree.api.booking.FindBookingForStaff;
import app.soiree.api.booking.FindBookingOfPayment;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Support and finance find any booking by its id, its payment's id or the provider's reference. */
class StaffBookingQueriesTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;

    final UserId host = UserId.random();
    final UserId guest = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(host);
    SeatsHeld hold;
    PaymentId paymentId;

    @BeforeEach
    void aBookingWithAPaymentTheProviderKnows() {
        hold = dinner.held(guest, 2);
        paymentId = PaymentId.forBooking(hold.bookingId());
        events.publish(dinner.created(), dinner.published(), hold,
                new PaymentRequested(paymentId, hold.bookingId(), dinner.id(), host, guest, Money.of(5000, "EUR"), "simulated", NOW, null),
                new PaymentIntentCreated(paymentId, "simulated", "sim_pi_42", NOW));
    }

    @Test
    void staffSeeAnyBookingWithItsPayment() {
        BookingView booking = query(new FindBookingForStaff(hold.bookingId()));

        assertThat(booking).isNotNull();
        assertThat(booking.guestId()).isEqualTo(guest);
        assertThat(booking.payment()).isNotNull();
        assertThat(booking.payment().paymentId()).isEqualTo(paymentId);
        assertThat(booking.payment().status()).isEqualTo(PaymentStatus.AWAITING_PAYMENT);
        assertThat(query(new FindBookingForStaff(BookingId.random()))).isNull();
    }

    @Test
    void aBookingIsFoundByItsPaymentAndByTheProvidersReference() {
        assertThat(query(new FindBookingOfPayment(paymentId))).extracting(BookingView::bookingId).isEqualTo(hold.bookingId());
        assertThat(query(new FindBookingByProviderReference(" sim_pi_42 "))).extracting(BookingView::bookingId).isEqualTo(hold.bookingId());
        assertThat(query(new FindBookingOfPayment(PaymentId.forBooking(BookingId.random())))).isNull();
        assertThat(query(new FindBookingByProviderReference("pi_unknown"))).isNull();
    }

    @Test
    void aRedeliveredPaymentEventChangesNothing() {
        events.publish(new PaymentRequested(paymentId, hold.bookingId(), dinner.id(), host, guest, Money.of(5000, "EUR"), "simulated", NOW, null));

        assertThat(query(new FindBookingByProviderReference("sim_pi_42"))).extracting(BookingView::bookingId).isEqualTo(hold.bookingId());
    }

    private @Nullable BookingView query(Object query) {
        return queries.query(query, ResponseTypes.instanceOf(BookingView.class)).join();
    }
}
