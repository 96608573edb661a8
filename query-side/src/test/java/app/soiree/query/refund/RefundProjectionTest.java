package app.soiree.query.refund;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.FindBooking;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.CancellationProgress;
import app.soiree.api.gathering.FindGatheringCancellation;
import app.soiree.api.gathering.GatheringCancellationView;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.FindRefunds;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundNotNeeded;
import app.soiree.api.refund.RefundPage;
import app.soiree.api.refund.RefundPending;
import app.soiree.api.refund.RefundRequested;
import app.soiree.api.refund.RefundReversed;
import app.soiree.api.refund.RefundStatus;
import app.soiree.api.refund.RefundView;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Refunds as staff, guests and hosts read them, fed event by event as the tracking processors deliver them. */
class RefundProjectionTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;

    final UserId host = UserId.random();
    final UserId guest = UserId.random();
    final UserId staff = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(host);
    SeatsHeld hold;
    PaymentId paymentId;

    @BeforeEach
    void aPaidBooking() {
        events.publish(dinner.created(), dinner.published());
        hold = dinner.held(guest, 1);
        paymentId = PaymentId.forBooking(hold.bookingId());
        events.publish(hold, dinner.confirmed(hold),
                dinner.paymentRequested(hold),
                new PaymentCaptured(paymentId, hold.bookingId(), dinner.id(), host, guest, hold.amount(), Money.of(155, "EUR"), null,
                        postings(2500, 2345), "sim_pi_1", "evt_1", NOW));
    }

    @Test
    void aRefundIsFollowedFromRequestToSuccessAndRedeliveriesChangeNothing() {
        RefundId refundId = RefundId.random();
        RefundRequested requested = requested(refundId, 1000);
        requestedBy(requested, staff);
        events.publish(new RefundPending(paymentId, refundId, "re_1", NOW));
        assertThat(refund(refundId).status()).isEqualTo(RefundStatus.PENDING);

        PaymentRefunded refunded = refunded(refundId, 1000);
        events.publish(refunded);
        events.publish(refunded, new RefundPending(paymentId, refundId, "re_1", NOW));
        requestedBy(requested, staff);

        RefundView view = refund(refundId);
        assertThat(view.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(view.providerReference()).isEqualTo("re_1");
        assertThat(view.requestedBy()).isEqualTo(staff.toString());
        assertThat(view.amount()).isEqualTo(Money.of(1000, "EUR"));
        BookingView booking = booking();
        assertThat(booking.refundedAmount()).isEqualTo(Money.of(1000, "EUR"));
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.payment().refunded()).isEqualTo(Money.of(1000, "EUR"));
        assertThat(booking.payment().refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(refund.requestedBy()).as("guests and hosts do not see who asked").isNull();
        });
    }

    @Test
    void aCancelledBookingRefundedInFullIsRefundedAndOneStillHoldingSeatsIsNot() {
        RefundId refundId = RefundId.random();
        events.publish(requested(refundId, 2500), refunded(refundId, 2500));
        assertThat(booking().status()).isEqualTo(BookingStatus.CONFIRMED);

        events.publish(dinner.bookingCancelled(hold, true));

        assertThat(booking().status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(booking().refundedAmount()).isEqualTo(hold.amount());
    }

    @Test
    void aRefundThatFailsAfterSucceedingIsTakenOffTheBooking() {
        RefundId refundId = RefundId.forBooking(hold.bookingId());
        events.publish(dinner.bookingCancelled(hold, true), requested(refundId, 2500), refunded(refundId, 2500));
        assertThat(booking().status()).isEqualTo(BookingStatus.REFUNDED);

        RefundReversed reversed = new RefundReversed(paymentId, refundId, hold.bookingId(), dinner.id(), host, guest, Money.of(2500, "EUR"),
                Money.of(2345, "EUR"), postings(2500, 2345), "card closed", "evt_f", NOW);
        events.publish(reversed, reversed);

        assertThat(booking().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking().refundedAmount()).isEqualTo(Money.of(0, "EUR"));
        assertThat(refund(refundId).status()).isEqualTo(RefundStatus.FAILED);
        assertThat(refund(refundId).failureReason()).isEqualTo("card closed");
    }

    @Test
    void staffFindRefundsByStatusNewestFirstPageByPage() {
        RefundId failed = RefundId.random();
        events.publish(requested(failed, 100), new RefundFailed(paymentId, failed, hold.bookingId(), dinner.id(), Money.of(100, "EUR"),
                "refused", "evt", NOW));
        for (int i = 0; i < 3; i++) {
            events.publish(requested(RefundId.random(), 100 + i));
        }

        RefundPage requestedFirstPage = find(new FindRefunds(null, RefundStatus.REQUESTED, null, 2));
        RefundPage requestedRest = find(new FindRefunds(null, RefundStatus.REQUESTED, requestedFirstPage.nextCursor(), 2));

        assertThat(requestedFirstPage.items()).hasSize(2);
        assertThat(requestedRest.items()).hasSize(1);
        assertThat(requestedRest.nextCursor()).isNull();
        assertThat(find(new FindRefunds(hold.bookingId(), RefundStatus.FAILED, null, 20)).items()).extracting(RefundView::refundId)
                .containsExactly(failed);
        assertThat(find(new FindRefunds(hold.bookingId(), null, null, 20)).items()).hasSize(4);
    }

    @Test
    void aCancelledGatheringsProgressCountsTheRefundsItsBookingsAreOwed() {
        SeatsHeld second = dinner.held(UserId.random(), 1);
        SeatsHeld unpaid = dinner.held(UserId.random(), 1);
        events.publish(second, dinner.confirmed(second), unpaid, dinner.cancelled(hold.bookingId(), second.bookingId(), unpaid.bookingId()),
                byHost(hold, true), byHost(second, true), byHost(unpaid, false));

        assertThat(progress(host, false)).isEqualTo(new GatheringCancellationView(dinner.id(), CancellationProgress.IN_PROGRESS, 2, 0, 0, 0,
                NOW));
        RefundId first = RefundId.forBooking(hold.bookingId());
        events.publish(requested(first, 2500), refunded(first, 2500));
        assertThat(progress(host, false)).isEqualTo(new GatheringCancellationView(dinner.id(), CancellationProgress.IN_PROGRESS, 2, 1, 1, 0,
                NOW));
        events.publish(new RefundNotNeeded(PaymentId.forBooking(second.bookingId()), RefundId.forBooking(second.bookingId()),
                second.bookingId(), dinner.id(), "already refunded by staff", NOW));

        assertThat(progress(host, false)).isEqualTo(new GatheringCancellationView(dinner.id(), CancellationProgress.COMPLETED, 2, 2, 2, 0,
                NOW));
        assertThat(progress(UserId.random(), true)).isNotNull();
        assertThat(progress(UserId.random(), false)).isNull();
    }

    /** The cancellation and its bookings' cancellations may be applied in different batches: until all are seen, it is not complete. */
    @Test
    void aCancellationIsInProgressUntilEveryBookingItEndedIsSeen() {
        SeatsHeld unpaid = dinner.held(UserId.random(), 1);
        events.publish(unpaid, dinner.cancelled(hold.bookingId(), unpaid.bookingId()));

        assertThat(progress(host, false).status()).isEqualTo(CancellationProgress.IN_PROGRESS);
        events.publish(byHost(unpaid, false));
        assertThat(progress(host, false).status()).isEqualTo(CancellationProgress.IN_PROGRESS);
        events.publish(byHost(hold, true));
        assertThat(progress(host, false)).isEqualTo(new GatheringCancellationView(dinner.id(), CancellationProgress.IN_PROGRESS, 1, 0, 0, 0,
                NOW));
    }

    @Test
    void aCancellationWithAFailedRefundCompletesWithFailures() {
        events.publish(dinner.cancelled(hold.bookingId()), byHost(hold, true));
        RefundId refundId = RefundId.forBooking(hold.bookingId());
        events.publish(requested(refundId, 2500), new RefundFailed(paymentId, refundId, hold.bookingId(), dinner.id(), Money.of(2500, "EUR"),
                "refused", "evt", NOW));

        assertThat(progress(host, false).status()).isEqualTo(CancellationProgress.COMPLETED_WITH_FAILURES);
        assertThat(progress(host, false).refundsFailed()).isEqualTo(1);
    }

    private RefundRequested requested(RefundId refundId, long amount) {
        return new RefundRequested(paymentId, refundId, hold.bookingId(), dinner.id(), host, guest, Money.of(amount, "EUR"), "goodwill",
                "sim_pi_1", NOW);
    }

    private void requestedBy(RefundRequested event, UserId who) {
        events.deliver("refund-views", GenericEventMessage.asEventMessage(event).andMetaData(MetaData.from(Map.of(Actor.USER_ID_KEY,
                who.toString()))));
    }

    private PaymentRefunded refunded(RefundId refundId, long amount) {
        long share = amount * 2345 / 2500;
        return new PaymentRefunded(paymentId, refundId, hold.bookingId(), dinner.id(), host, guest, Money.of(amount, "EUR"),
                Money.of(share, "EUR"), postings(-amount, -share), "re_1", "evt_r", NOW);
    }

    /** Cash at the provider up by {@code cash}, the host's pending up by {@code hostShare}, the platform's fees by the rest. */
    private List<Posting> postings(long cash, long hostShare) {
        return List.of(Posting.debit("platform:stripe", Money.of(cash, "EUR")),
                Posting.credit("host:" + host + ":pending", Money.of(hostShare, "EUR")),
                Posting.credit("platform:fees", Money.of(cash - hostShare, "EUR")));
    }

    private BookingCancelled byHost(SeatsHeld booking, boolean confirmed) {
        return new BookingCancelled(dinner.id(), booking.bookingId(), booking.tierId(), booking.guestId(), 1, confirmed,
                confirmed ? booking.amount() : Money.zero(booking.amount().currency()), NOW, true, null);
    }

    private RefundView refund(RefundId refundId) {
        return find(new FindRefunds(hold.bookingId(), null, null, 100)).items().stream().filter(refund -> refund.refundId().equals(refundId))
                .findFirst().orElseThrow();
    }

    private RefundPage find(FindRefunds query) {
        return queries.query(query, ResponseTypes.instanceOf(RefundPage.class)).join();
    }

    private BookingView booking() {
        return queries.query(new FindBooking(hold.bookingId(), guest), ResponseTypes.instanceOf(BookingView.class)).join();
    }

    private @Nullable GatheringCancellationView progress(UserId requestedBy, boolean staff) {
        return queries.query(new FindGatheringCancellation(dinner.id(), requestedBy, staff),
                ResponseTypes.instanceOf(GatheringCancellationView.class)).join();
    }
}
