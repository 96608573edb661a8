package app.soiree.command.payment;

import static app.soiree.command.Refusals.refusedWith;
import static app.soiree.command.payment.PaymentTest.AMOUNT;
import static app.soiree.command.payment.PaymentTest.BOOKING;
import static app.soiree.command.payment.PaymentTest.FEES;
import static app.soiree.command.payment.PaymentTest.GATHERING;
import static app.soiree.command.payment.PaymentTest.GUEST;
import static app.soiree.command.payment.PaymentTest.HOST;
import static app.soiree.command.payment.PaymentTest.HOST_PENDING;
import static app.soiree.command.payment.PaymentTest.NOW;
import static app.soiree.command.payment.PaymentTest.PAYMENT;
import static app.soiree.command.payment.PaymentTest.captured;
import static app.soiree.command.payment.PaymentTest.id;
import static app.soiree.command.payment.PaymentTest.requested;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.refund.ConfirmRefund;
import app.soiree.api.refund.FailRefund;
import app.soiree.api.refund.MarkRefundOutcomeUnknown;
import app.soiree.api.refund.MarkRefundPending;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.QuoteRefund;
import app.soiree.api.refund.RecordRefundOutcomes;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundNotNeeded;
import app.soiree.api.refund.RefundOutcomeUnknown;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundPending;
import app.soiree.api.refund.RefundRemaining;
import app.soiree.api.refund.RefundRequested;
import app.soiree.api.refund.RefundReversed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds on a capture of 2500 whose platform fee is 155, so the host's net is 2345: each refund is
 * booked when the provider confirms it, the host's share of all refunds together is exactly the net,
 * and whatever order and number of reports arrive, a refund is booked once.
 */
class PaymentRefundTest {

    static final RefundId FIRST = new RefundId(id(20));
    static final RefundId SECOND = new RefundId(id(21));
    static final RefundId THIRD = new RefundId(id(22));
    static final String STRIPE = "platform:stripe";
    static final String FEES_ACCOUNT = "platform:fees";

    private AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(FEES);
    }

    @Test
    void aFullRefundTakesTheHostsWholeNetAndGivesBackThePlatformFee() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500))
                .when(new ConfirmRefund(PAYMENT, FIRST, "re_1", "evt_r1"))
                .expectEvents(refunded(FIRST, 2500, 2345, "evt_r1"));
    }

    @Test
    void aRefundIsBookedOnceWhateverReportsIt() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500), refunded(FIRST, 2500, 2345, "evt_r1"))
                .when(new ConfirmRefund(PAYMENT, FIRST, "re_1", "evt_r2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void partialRefundsTakeTheHostsShareSoThatTogetherTheyTakeExactlyTheNet() {
        // round(833·2345/2500) = 781; round(1666·2345/2500) = 1563, so 782; and the last brings it to 2345: 782.
        given(captured("evt_1"), requestedRefund(FIRST, 833), requestedRefund(SECOND, 833), requestedRefund(THIRD, 834),
                refunded(FIRST, 833, 781, "evt_r1"))
                .when(new ConfirmRefund(PAYMENT, SECOND, "re_2", "evt_r2"))
                .expectEvents(refunded(SECOND, 833, 782, "evt_r2"));
        given(captured("evt_1"), requestedRefund(FIRST, 833), requestedRefund(SECOND, 833), requestedRefund(THIRD, 834),
                refunded(FIRST, 833, 781, "evt_r1"), refunded(SECOND, 833, 782, "evt_r2"))
                .when(new ConfirmRefund(PAYMENT, THIRD, "re_3", "evt_r3"))
                .expectEvents(refunded(THIRD, 834, 782, "evt_r3"));
    }

    @Test
    void refundsConfirmedInAnotherOrderStillTakeExactlyTheNet() {
        // THIRD (834) first: round(834·0.938) = 782; then FIRST: round(1667·0.938) = 1564, so 782; SECOND takes the rest, 781.
        given(captured("evt_1"), requestedRefund(FIRST, 833), requestedRefund(SECOND, 833), requestedRefund(THIRD, 834),
                refunded(THIRD, 834, 782, "evt_r3"), refunded(FIRST, 833, 782, "evt_r1"))
                .when(new ConfirmRefund(PAYMENT, SECOND, "re_2", "evt_r2"))
                .expectEvents(refunded(SECOND, 833, 781, "evt_r2"));
    }

    @Test
    void aRefundTheProviderRefusedMayBeRefundedAgain() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500))
                .when(FailRefund.reported(PAYMENT, FIRST, "refused by Stripe", "evt_f1"))
                .expectEvents(new RefundFailed(PAYMENT, FIRST, BOOKING, GATHERING, Money.of(2500, "EUR"), "refused by Stripe",
                        "evt_f1", NOW));
        given(captured("evt_1"), requestedRefund(FIRST, 2500), failed(FIRST, 2500))
                .when(new RefundPayment(PAYMENT, SECOND, Money.of(2500, "EUR"), "again"))
                .expectEvents(new RefundRequested(PAYMENT, SECOND, BOOKING, GATHERING, HOST, GUEST, Money.of(2500, "EUR"), "again", "pi_1",
                        NOW));
    }

    @Test
    void aFailureIsRecordedOnce() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500), failed(FIRST, 2500))
                .when(FailRefund.reported(PAYMENT, FIRST, "refused by Stripe", "evt_f2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** A failed refund is final at the provider: a success reported after it is a stale copy of what came before. */
    @Test
    void aSuccessReportedAfterTheFailureIsStaleAndChangesNothing() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500), failed(FIRST, 2500))
                .when(new ConfirmRefund(PAYMENT, FIRST, "re_1", "evt_r1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The guest's bank sent a succeeded refund back: the money is at the provider again and the host's share returns. */
    @Test
    void aFailureAfterTheSuccessReversesExactlyWhatWasBooked() {
        given(captured("evt_1"), requestedRefund(FIRST, 833), refunded(FIRST, 833, 781, "evt_r1"))
                .when(FailRefund.reported(PAYMENT, FIRST, "failed at Stripe: expired_or_canceled_card", "evt_f1"))
                .expectEvents(new RefundReversed(PAYMENT, FIRST, BOOKING, GATHERING, HOST, GUEST, Money.of(833, "EUR"), Money.of(781, "EUR"),
                        List.of(new Posting(STRIPE, Money.of(833, "EUR")), new Posting(HOST_PENDING, Money.of(-781, "EUR")),
                                new Posting(FEES_ACCOUNT, Money.of(-52, "EUR"))),
                        "failed at Stripe: expired_or_canceled_card", "evt_f1", NOW));
    }

    /** Asking again for a refund already made (a saga replayed long after) is refused for that reason: the refund stands. */
    @Test
    void aRefusedRequestForARefundAlreadyMadeChangesNothing() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500), refunded(FIRST, 2500, 2345, "evt_r1"))
                .when(FailRefund.refusedOnRequest(PAYMENT, FIRST, "refused by Stripe: charge_already_refunded", "refund-call:1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        given(captured("evt_1"), requestedRefund(FIRST, 2500))
                .when(FailRefund.refusedOnRequest(PAYMENT, FIRST, "refused by Stripe: amount_too_large", "refund-call:1"))
                .expectEvents(new RefundFailed(PAYMENT, FIRST, BOOKING, GATHERING, Money.of(2500, "EUR"),
                        "refused by Stripe: amount_too_large", "refund-call:1", NOW));
    }

    @Test
    void reversingAnEarlierRefundLeavesTheHostsShareOfWhatStandsAtItsRoundedPart() {
        // Booked: 781 + 782 = 1563 for 1666. With FIRST reversed, 833 stands, whose share is round(833·0.938) = 781: 782 comes back.
        given(captured("evt_1"), requestedRefund(FIRST, 833), requestedRefund(SECOND, 833), refunded(FIRST, 833, 781, "evt_r1"),
                refunded(SECOND, 833, 782, "evt_r2"))
                .when(FailRefund.reported(PAYMENT, FIRST, "bank sent it back", "evt_f1"))
                .expectEvents(new RefundReversed(PAYMENT, FIRST, BOOKING, GATHERING, HOST, GUEST, Money.of(833, "EUR"), Money.of(782, "EUR"),
                        List.of(new Posting(STRIPE, Money.of(833, "EUR")), new Posting(HOST_PENDING, Money.of(-782, "EUR")),
                                new Posting(FEES_ACCOUNT, Money.of(-51, "EUR"))),
                        "bank sent it back", "evt_f1", NOW));
    }

    @Test
    void afterAReversalTheNextRefundsStillTakeExactlyTheNet() {
        given(captured("evt_1"), requestedRefund(FIRST, 833), refunded(FIRST, 833, 781, "evt_r1"), reversed(FIRST, 833, 781),
                requestedRefund(SECOND, 2500))
                .when(new ConfirmRefund(PAYMENT, SECOND, "re_2", "evt_r2"))
                .expectEvents(refunded(SECOND, 2500, 2345, "evt_r2"));
    }

    @Test
    void refusesARefundBeyondWhatIsLeftWhilePendingRefundsAreSetAside() {
        given(captured("evt_1"), requestedRefund(FIRST, 2000), new RefundPending(PAYMENT, FIRST, "re_1", NOW))
                .when(new RefundPayment(PAYMENT, SECOND, Money.of(501, "EUR"), "more"))
                .expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_CAPTURED));
    }

    @Test
    void refusesARefundInAnotherCurrency() {
        given(captured("evt_1"))
                .when(new RefundPayment(PAYMENT, FIRST, Money.of(100, "USD"), "wrong money"))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refundingWhatRemainsTakesNoMoreThanIsLeft() {
        given(captured("evt_1"), requestedRefund(FIRST, 2000))
                .when(new RefundRemaining(PAYMENT, SECOND, Money.of(2500, "EUR"), "cancelled"))
                .expectEvents(new RefundRequested(PAYMENT, SECOND, BOOKING, GATHERING, HOST, GUEST, Money.of(500, "EUR"),
                        "cancelled", "pi_1", NOW))
                .expectResultMessagePayload(Money.of(500, "EUR"));
    }

    @Test
    void refundingWhatRemainsWhenNothingDoesRecordsThatNoneWasNeeded() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500))
                .when(new RefundRemaining(PAYMENT, SECOND, Money.of(2500, "EUR"), "cancelled"))
                .expectEvents(new RefundNotNeeded(PAYMENT, SECOND, BOOKING, GATHERING, "cancelled", NOW))
                .expectResultMessagePayload(Money.of(0, "EUR"));
        given(captured("evt_1"), requestedRefund(FIRST, 2500), new RefundNotNeeded(PAYMENT, SECOND, BOOKING, GATHERING, "cancelled", NOW))
                .when(new RefundRemaining(PAYMENT, SECOND, Money.of(2500, "EUR"), "cancelled"))
                .expectNoEvents()
                .expectResultMessagePayload(Money.of(0, "EUR"));
    }

    @Test
    void aQuoteAnswersWhatRefundingWhatRemainsRecordsAndMovesNothing() {
        given(captured("evt_1"), requestedRefund(FIRST, 2000))
                .when(new QuoteRefund(PAYMENT, SECOND, Money.of(2500, "EUR")))
                .expectNoEvents()
                .expectResultMessagePayload(Money.of(500, "EUR"));
        given(captured("evt_1"), requestedRefund(FIRST, 2000), requestedRefund(SECOND, 500))
                .when(new QuoteRefund(PAYMENT, SECOND, Money.of(2500, "EUR")))
                .expectNoEvents()
                .expectResultMessagePayload(Money.of(500, "EUR"));
        given(captured("evt_1"), requestedRefund(FIRST, 2500))
                .when(new QuoteRefund(PAYMENT, SECOND, Money.of(2500, "EUR")))
                .expectNoEvents()
                .expectResultMessagePayload(Money.of(0, "EUR"));
    }

    @Test
    void aQuoteIsRefusedAsTheRefundWouldBe() {
        given(new PaymentRequested(PAYMENT, BOOKING, GATHERING, HOST, GUEST, Money.of(2500, "EUR"), "simulated", NOW, null))
                .when(new QuoteRefund(PAYMENT, FIRST, Money.of(2500, "EUR")))
                .expectException(refusedWith(ErrorCode.PAYMENT_NOT_CAPTURED));
    }

    @Test
    void refundingWhatRemainsAgainAnswersTheFirstAmount() {
        given(captured("evt_1"), requestedRefund(FIRST, 500))
                .when(new RefundRemaining(PAYMENT, FIRST, Money.of(2500, "EUR"), "cancelled"))
                .expectNoEvents()
                .expectResultMessagePayload(Money.of(500, "EUR"));
    }

    @Test
    void aPendingRefundRecordsTheProvidersReferenceOnce() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500))
                .when(new MarkRefundPending(PAYMENT, FIRST, "re_1"))
                .expectEvents(new RefundPending(PAYMENT, FIRST, "re_1", NOW));
        given(captured("evt_1"), requestedRefund(FIRST, 2500), new RefundPending(PAYMENT, FIRST, "re_1", NOW))
                .when(new MarkRefundPending(PAYMENT, FIRST, "re_1"))
                .expectNoEvents();
    }

    /** refund.created (pending) delivered after refund.updated (succeeded). */
    @Test
    void aPendingReportAfterTheSuccessChangesNothing() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500), refunded(FIRST, 2500, 2345, "evt_r1"))
                .when(new MarkRefundPending(PAYMENT, FIRST, "re_1"))
                .expectNoEvents();
    }

    @Test
    void aRefundLeftToStaffIsStillSettledByALateReport() {
        given(captured("evt_1"), requestedRefund(FIRST, 2500))
                .when(new MarkRefundOutcomeUnknown(PAYMENT, FIRST, "no answer"))
                .expectEvents(new RefundOutcomeUnknown(PAYMENT, FIRST, "no answer", NOW));
        given(captured("evt_1"), requestedRefund(FIRST, 2500), new RefundOutcomeUnknown(PAYMENT, FIRST, "no answer", NOW))
                .when(new ConfirmRefund(PAYMENT, FIRST, "re_1", "evt_r1"))
                .expectEvents(refunded(FIRST, 2500, 2345, "evt_r1"));
    }

    @Test
    void aReportAboutARefundThisPaymentNeverMadeIsAnError() {
        given(captured("evt_1"))
                .when(new ConfirmRefund(PAYMENT, FIRST, "re_1", "evt_r1"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void severalOutcomesReportedTogetherAreEachAppliedOnce() {
        RecordRefundOutcomes report = new RecordRefundOutcomes(PAYMENT, List.of(
                new RecordRefundOutcomes.Outcome(FIRST, "re_1", true, null),
                new RecordRefundOutcomes.Outcome(SECOND, "re_2", false, "failed at Stripe: unknown")), "evt_c1");
        given(captured("evt_1"), requestedRefund(FIRST, 833), requestedRefund(SECOND, 833))
                .when(report)
                .expectEvents(refunded(FIRST, 833, 781, "evt_c1"),
                        new RefundFailed(PAYMENT, SECOND, BOOKING, GATHERING, Money.of(833, "EUR"), "failed at Stripe: unknown",
                                "evt_c1", NOW));
        given(captured("evt_1"), requestedRefund(FIRST, 833), requestedRefund(SECOND, 833), refunded(FIRST, 833, 781, "evt_r1"),
                failed(SECOND, 833))
                .when(report)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private TestExecutor<Payment> given(Object... events) {
        Object[] all = new Object[events.length + 1];
        all[0] = requested();
        System.arraycopy(events, 0, all, 1, events.length);
        return fixture.given(all);
    }

    static RefundRequested requestedRefund(RefundId refundId, long amount) {
        return new RefundRequested(PAYMENT, refundId, BOOKING, GATHERING, HOST, GUEST, Money.of(amount, "EUR"), "reason", "pi_1", NOW);
    }

    static PaymentRefunded refunded(RefundId refundId, long amount, long hostShare, String eventId) {
        return new PaymentRefunded(PAYMENT, refundId, BOOKING, GATHERING, HOST, GUEST, Money.of(amount, "EUR"), Money.of(hostShare, "EUR"),
                List.of(new Posting(STRIPE, Money.of(-amount, "EUR")), new Posting(HOST_PENDING, Money.of(hostShare, "EUR")),
                        new Posting(FEES_ACCOUNT, Money.of(amount - hostShare, "EUR"))),
                "re_" + (refundId.value().getLeastSignificantBits() - 19), eventId, NOW);
    }

    static RefundFailed failed(RefundId refundId, long amount) {
        return new RefundFailed(PAYMENT, refundId, BOOKING, GATHERING, Money.of(amount, "EUR"), "refused", "evt_f", NOW);
    }

    static RefundReversed reversed(RefundId refundId, long amount, long hostShare) {
        return new RefundReversed(PAYMENT, refundId, BOOKING, GATHERING, HOST, GUEST, Money.of(amount, "EUR"), Money.of(hostShare, "EUR"),
                List.of(new Posting(STRIPE, Money.of(amount, "EUR")), new Posting(HOST_PENDING, Money.of(-hostShare, "EUR")),
                        new Posting(FEES_ACCOUNT, Money.of(hostShare - amount, "EUR"))), "bank sent it back", "evt_f", NOW);
    }
}
