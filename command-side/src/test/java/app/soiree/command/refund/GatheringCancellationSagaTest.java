package app.soiree.command.refund;

import static app.soiree.command.refund.RefundSagaTest.GATHERING;
import static app.soiree.command.refund.RefundSagaTest.HOST;
import static app.soiree.command.refund.RefundSagaTest.NOW;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundRemaining;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatheringCancellationSagaTest {

    static final BookingId ADA = new BookingId(new UUID(1, 1));
    static final BookingId GRACE = new BookingId(new UUID(1, 2));
    static final BookingId HELD = new BookingId(new UUID(1, 3));
    static final TierId TIER = new TierId(new UUID(2, 1));
    static final Money PRICE = Money.of(2500, "EUR");
    static final String REASON = "The host cancelled the gathering: Storm";

    private SagaTestFixture<GatheringCancellationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(GatheringCancellationSaga.class);
        fixture.withTransienceCheckDisabled();
        fixture.setCallbackBehavior((command, metadata) -> command instanceof RefundRemaining refund ? refund.upTo() : null);
    }

    @Test
    void refundsEachConfirmedBookingInFull() {
        fixture.givenAggregate(GATHERING.toString()).published(cancelled(ADA, GRACE, HELD))
                .whenPublishingA(bookingCancelled(ADA, PRICE))
                .expectDispatchedCommands(refund(ADA))
                .expectActiveSagas(1);
    }

    @Test
    void aHoldIsReleasedWithoutARefund() {
        fixture.givenAggregate(GATHERING.toString()).published(cancelled(ADA, HELD))
                .whenPublishingA(bookingCancelled(HELD, Money.zero(PRICE.currency())))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void endsWhenEveryBookingIsCancelledAndEveryRefundSettled() {
        fixture.givenAggregate(GATHERING.toString()).published(cancelled(ADA, GRACE, HELD), bookingCancelled(ADA, PRICE),
                        bookingCancelled(GRACE, PRICE), bookingCancelled(HELD, Money.zero(PRICE.currency())))
                .andThenAggregate(PaymentId.forBooking(ADA).toString()).published(refunded(ADA))
                .whenPublishingA(new RefundFailed(PaymentId.forBooking(GRACE), RefundId.forBooking(GRACE), GRACE, GATHERING,
                        PRICE, "refused", "evt_1", NOW))
                .expectActiveSagas(0);
    }

    @Test
    void staysUntilTheLastRefundIsSettled() {
        fixture.givenAggregate(GATHERING.toString()).published(cancelled(ADA, GRACE), bookingCancelled(ADA, PRICE),
                        bookingCancelled(GRACE, PRICE))
                .whenPublishingA(refunded(ADA))
                .expectActiveSagas(1);
    }

    @Test
    void aBookingStaffAlreadyRefundedInFullNeedsNothingMore() {
        fixture.setCallbackBehavior((command, metadata) ->
                command instanceof RefundRemaining refund ? Money.zero(refund.upTo().currency()) : null);
        fixture.givenAggregate(GATHERING.toString()).published(cancelled(ADA))
                .whenPublishingA(bookingCancelled(ADA, PRICE))
                .expectDispatchedCommands(refund(ADA))
                .expectActiveSagas(0);
    }

    @Test
    void aRefusedRefundIsLeftToStaffAndTheRestGoesOn() {
        fixture.setCallbackBehavior((command, metadata) -> {
            if (command instanceof RefundRemaining refund && refund.refundId().equals(RefundId.forBooking(ADA))) {
                throw new SoireeException(ErrorCode.REFUND_NOT_ALLOWED, "disputed");
            }
            return command instanceof RefundRemaining refund ? refund.upTo() : null;
        });
        fixture.givenAggregate(GATHERING.toString()).published(cancelled(ADA, GRACE), bookingCancelled(ADA, PRICE))
                .whenPublishingA(bookingCancelled(GRACE, PRICE))
                .expectDispatchedCommands(refund(GRACE))
                .expectActiveSagas(1);
    }

    @Test
    void aGatheringWithoutBookingsNeedsNoRefunds() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(cancelled())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    static GatheringCancelled cancelled(BookingId... active) {
        return new GatheringCancelled(GATHERING, HOST, "Storm", List.of(active), NOW);
    }

    static BookingCancelled bookingCancelled(BookingId bookingId, Money refundDue) {
        return new BookingCancelled(GATHERING, bookingId, TIER, new UserId(bookingId.value()), 1, !refundDue.isZero(), refundDue, NOW, true, null);
    }

    static RefundRemaining refund(BookingId bookingId) {
        return new RefundRemaining(PaymentId.forBooking(bookingId), RefundId.forBooking(bookingId), PRICE, REASON);
    }

    static PaymentRefunded refunded(BookingId bookingId) {
        return new PaymentRefunded(PaymentId.forBooking(bookingId), RefundId.forBooking(bookingId), bookingId, GATHERING, HOST,
                new UserId(bookingId.value()), PRICE, Money.of(2345, "EUR"), List.of(), "re_1", "evt_1", NOW);
    }
}
