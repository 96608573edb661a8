package app.soiree.query.payment;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.FindBookingByProviderReference;
import app.soiree.api.booking.FindBookingOfPayment;
import app.soiree.api.booking.PaymentView;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundRequested;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payments and payment-reference read models, statement by statement: statuses move only forwards (a capture is
 * final, an intent reported after its failure changes nothing), every event applied twice lands where it landed once,
 * a refund counts once per refund id, and an event for a payment never requested fails its batch instead of vanishing.
 */
class PaymentProjectionTest extends ProjectionTest {

    @Autowired
    PaymentViews payments;
    @Autowired
    QueryGateway queries;

    final UserId host = UserId.random();
    final UserId guest = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(host);
    SeatsHeld hold;
    PaymentId paymentId;

    @BeforeEach
    void aHeldBookingWithAPaymentRequested() {
        events.publish(dinner.created(), dinner.published());
        hold = dinner.held(guest, 1);
        paymentId = PaymentId.forBooking(hold.bookingId());
        PaymentRequested requested = dinner.paymentRequested(hold);
        events.publish(hold, requested, requested);
    }

    @Test
    void aPaymentMovesFromRequestedToCapturedAndStaysCaptured() {
        assertThat(payment().status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(payment().amount()).isEqualTo(hold.amount());

        PaymentIntentCreated intent = new PaymentIntentCreated(paymentId, "simulated", "pi_1", at(1));
        events.publish(intent, intent);
        assertThat(payment().status()).isEqualTo(PaymentStatus.AWAITING_PAYMENT);
        assertThat(booking(new FindBookingByProviderReference(" pi_1 ")).bookingId()).isEqualTo(hold.bookingId());

        events.publish(new PaymentOutcomeUnknown(paymentId, "timed out", at(2)));
        assertThat(payment().status()).isEqualTo(PaymentStatus.OUTCOME_UNKNOWN);

        PaymentCaptured captured = captured("pi_1b", at(3));
        events.publish(captured, declined(at(4)), new PaymentOutcomeUnknown(paymentId, "late", at(5)), intent, captured);
        PaymentView view = payment();
        assertThat(view.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(view.failureReason()).as("a capture is final").isNull();
        assertThat(booking(new FindBookingOfPayment(paymentId)).bookingId()).isEqualTo(hold.bookingId());
        assertThat(booking(new FindBookingByProviderReference("pi_1b")).bookingId()).as("the capture's name for it").isEqualTo(hold.bookingId());
        assertThat(updatedAt()).isEqualTo(at(3));
    }

    @Test
    void aDeclineKeepsItsReasonAndAnIntentReportedAfterItChangesNothing() {
        events.publish(declined(at(2)), new PaymentIntentCreated(paymentId, "simulated", "pi_2", at(1)));

        assertThat(payment().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment().failureReason()).isEqualTo("card declined");

        events.publish(captured("pi_2", at(3)));
        assertThat(payment().status()).as("a success may follow a failure").isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment().failureReason()).isEqualTo("card declined");
    }

    @Test
    void aRefundCountsOncePerRefundId() {
        events.publish(captured("pi_3", at(1)));
        RefundRequested first = refund(RefundId.random(), 1000);
        RefundRequested second = refund(RefundId.random(), 500);

        events.publish(first, first, second, first);

        assertThat(payment().refundRequested()).isEqualTo(Money.of(1500, hold.amount().currency().getCurrencyCode()));
        assertThat(jdbc.sql("select count(*) from payment_refunds where payment_id = ?").param(paymentId.value()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void anEventForAPaymentNeverRequestedFailsAndLeavesNothingBehind() {
        PaymentId stranger = PaymentId.forBooking(BookingId.random());

        assertThatThrownBy(() -> events.publish(new PaymentIntentCreated(stranger, "simulated", "pi_x", NOW)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(stranger.toString());
        assertThatThrownBy(() -> events.publish(new RefundRequested(stranger, RefundId.random(), hold.bookingId(), dinner.id(), host, guest,
                Money.of(100, "EUR"), "goodwill", "pi_x", NOW))).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("select count(*) from payment_refunds").query(Long.class).single()).as("rolled back with the event").isZero();
    }

    private PaymentView payment() {
        return payments.forBooking(hold.bookingId().value()).orElseThrow();
    }

    private Instant updatedAt() {
        return jdbc.sql("select updated_at from payments where payment_id = ?").param(paymentId.value()).query(Instant.class).single();
    }

    private BookingView booking(Object query) {
        return queries.query(query, ResponseTypes.instanceOf(BookingView.class)).join();
    }

    private PaymentCaptured captured(String providerReference, Instant at) {
        Money paid = hold.amount();
        Money fee = new Money(paid.amountMinor() / 10, paid.currency());
        return new PaymentCaptured(paymentId, hold.bookingId(), dinner.id(), host, guest, paid, fee, null,
                List.of(Posting.debit("platform:stripe", paid), Posting.credit("host:" + host + ":pending", paid.minus(fee)),
                        Posting.credit("platform:fees", fee)),
                providerReference, "evt_" + providerReference, at);
    }

    private PaymentDeclined declined(Instant at) {
        return new PaymentDeclined(paymentId, hold.bookingId(), dinner.id(), "card declined", "evt_declined", at);
    }

    private RefundRequested refund(RefundId refundId, long amountMinor) {
        return new RefundRequested(paymentId, refundId, hold.bookingId(), dinner.id(), host, guest,
                Money.of(amountMinor, hold.amount().currency().getCurrencyCode()), "goodwill", "pi_3", NOW);
    }

    private static Instant at(int seconds) {
        return NOW.plus(Duration.ofSeconds(seconds));
    }
}
