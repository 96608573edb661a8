package app.soiree.command.payment;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.CapturePayment;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.MarkPaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.RecordPaymentIntent;
import app.soiree.api.payment.RequestPayment;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundRequested;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final PaymentId PAYMENT = new PaymentId(id(1));
    static final BookingId BOOKING = new BookingId(id(2));
    static final GatheringId GATHERING = new GatheringId(id(3));
    static final UserId HOST = new UserId(id(4));
    static final UserId GUEST = new UserId(id(5));
    static final Money AMOUNT = Money.of(2500, "EUR");
    /** 5 % of 2500 is 125, plus 30 fixed. */
    static final FeePolicy FEES = new FeePolicy(new BigDecimal("5"), 30L, Map.of());
    static final Money FEE = Money.of(155, "EUR");
    static final String HOST_PENDING = "host:" + HOST + ":pending";

    private AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(FEES);
    }

    @Test
    void opensAPaymentForHeldSeats() {
        fixture.givenNoPriorActivity()
                .when(request())
                .expectEvents(requested());
    }

    @Test
    void requestingTheSamePaymentAgainChangesNothing() {
        given().when(request()).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesAPaymentIdOfAnotherBooking() {
        given().when(new RequestPayment(PAYMENT, new BookingId(id(9)), GATHERING, HOST, GUEST, AMOUNT, "stripe", null))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
    }

    /** The usual way: the provider's intent was created first, and the payment's one event names it. */
    @Test
    void opensAPaymentWithTheIntentTheProviderCreatedAsAnIntentRecordedAfterItWould() {
        PaymentRequested withIntent = new PaymentRequested(PAYMENT, BOOKING, GATHERING, HOST, GUEST, AMOUNT, "stripe", NOW, "pi_1");
        fixture.givenNoPriorActivity().when(request("pi_1")).expectEvents(withIntent);

        for (Object[] history : List.of(new Object[] {withIntent}, new Object[] {requested(), new PaymentIntentCreated(PAYMENT, "stripe", "pi_1", NOW)})) {
            fixture.given(history).when(request("pi_1")).expectNoEvents();
            fixture.given(history).when(new RecordPaymentIntent(PAYMENT, "pi_1")).expectNoEvents();
            fixture.given(history).when(new CapturePayment(PAYMENT, "pi_1", AMOUNT, null, "evt_1")).expectEvents(captured("evt_1"));
        }
        // the first request's provider never answered; the retried one brings the intent
        given().when(request("pi_1")).expectEvents(new PaymentIntentCreated(PAYMENT, "stripe", "pi_1", NOW));
    }

    @Test
    void recordsTheProviderIntentOnce() {
        given().when(new RecordPaymentIntent(PAYMENT, "pi_1")).expectEvents(new PaymentIntentCreated(PAYMENT, "stripe", "pi_1", NOW));
        given(new PaymentIntentCreated(PAYMENT, "stripe", "pi_1", NOW)).when(new RecordPaymentIntent(PAYMENT, "pi_1")).expectNoEvents();
    }

    @Test
    void capturesWithBalancedPostingsForHostPlatformAndProvider() {
        Money providerFee = Money.of(103, "EUR");
        given().when(new CapturePayment(PAYMENT, "pi_1", AMOUNT, providerFee, "evt_1"))
                .expectEvents(new PaymentCaptured(PAYMENT, BOOKING, GATHERING, HOST, GUEST, AMOUNT, FEE, providerFee, List.of(
                        new Posting("platform:stripe", AMOUNT),
                        new Posting(HOST_PENDING, Money.of(-2345, "EUR")),
                        new Posting("platform:fees", Money.of(-155, "EUR")),
                        new Posting("platform:provider-fees", providerFee),
                        new Posting("platform:stripe", Money.of(-103, "EUR"))), "pi_1", "evt_1", NOW));
    }

    @Test
    void capturesWithoutAProviderFeeWhenTheProviderDidNotSay() {
        given().when(new CapturePayment(PAYMENT, "pi_1", AMOUNT, null, "evt_1"))
                .expectEvents(captured("evt_1"));
    }

    @Test
    void capturesAtMostOnce() {
        given(captured("evt_1")).when(new CapturePayment(PAYMENT, "pi_1", AMOUNT, null, "evt_2")).expectNoEvents();
    }

    @Test
    void aFailureReportedAfterTheCaptureChangesNothing() {
        given(captured("evt_1")).when(new DeclinePayment(PAYMENT, "card_declined", "evt_0")).expectNoEvents();
    }

    @Test
    void aSuccessReportedAfterAFailureIsStillCaptured() {
        given(new PaymentDeclined(PAYMENT, BOOKING, GATHERING, "card_declined", "evt_0", NOW))
                .when(new CapturePayment(PAYMENT, "pi_1", AMOUNT, null, "evt_1"))
                .expectEvents(captured("evt_1"));
    }

    @Test
    void declinesOnce() {
        given().when(new DeclinePayment(PAYMENT, "card_declined", "evt_0"))
                .expectEvents(new PaymentDeclined(PAYMENT, BOOKING, GATHERING, "card_declined", "evt_0", NOW));
        given(new PaymentDeclined(PAYMENT, BOOKING, GATHERING, "card_declined", "evt_0", NOW))
                .when(new DeclinePayment(PAYMENT, "card_declined", "evt_0")).expectNoEvents();
    }

    @Test
    void refusesACaptureInAnotherCurrency() {
        given().when(new CapturePayment(PAYMENT, "pi_1", Money.of(2500, "USD"), null, "evt_1"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void marksAnUnansweredPaymentUnknownUntilTheProviderAnswers() {
        given().when(new MarkPaymentOutcomeUnknown(PAYMENT, "timeout"))
                .expectEvents(new PaymentOutcomeUnknown(PAYMENT, "timeout", NOW));
        given(captured("evt_1")).when(new MarkPaymentOutcomeUnknown(PAYMENT, "timeout")).expectNoEvents();
    }

    @Test
    void refundsNoMoreThanWasCaptured() {
        RefundId first = new RefundId(id(20));
        RefundRequested requested = new RefundRequested(PAYMENT, first, BOOKING, GATHERING, HOST, GUEST, Money.of(2000, "EUR"), "goodwill",
                "pi_1", NOW);
        given(captured("evt_1"))
                .when(new RefundPayment(PAYMENT, first, Money.of(2000, "EUR"), "goodwill"))
                .expectEvents(requested);
        given(captured("evt_1"), requested)
                .when(new RefundPayment(PAYMENT, new RefundId(id(21)), Money.of(501, "EUR"), "more"))
                .expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_CAPTURED));
    }

    @Test
    void theSameRefundTwiceIsOneRefund() {
        RefundId refund = new RefundId(id(20));
        given(captured("evt_1"), new RefundRequested(PAYMENT, refund, BOOKING, GATHERING, HOST, GUEST, AMOUNT, "seats gone", "pi_1", NOW))
                .when(new RefundPayment(PAYMENT, refund, AMOUNT, "seats gone"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRefundWhatWasNeverCaptured() {
        given().when(new RefundPayment(PAYMENT, new RefundId(id(20)), AMOUNT, "x"))
                .expectException(refusedWith(ErrorCode.PAYMENT_NOT_CAPTURED));
    }

    private TestExecutor<Payment> given(Object... events) {
        Object[] all = new Object[events.length + 1];
        all[0] = requested();
        System.arraycopy(events, 0, all, 1, events.length);
        return fixture.given(all);
    }

    static RequestPayment request() {
        return request(null);
    }

    static RequestPayment request(@Nullable String providerReference) {
        return new RequestPayment(PAYMENT, BOOKING, GATHERING, HOST, GUEST, AMOUNT, "stripe", providerReference);
    }

    static PaymentRequested requested() {
        return new PaymentRequested(PAYMENT, BOOKING, GATHERING, HOST, GUEST, AMOUNT, "stripe", NOW, null);
    }

    static PaymentCaptured captured(String eventId) {
        return new PaymentCaptured(PAYMENT, BOOKING, GATHERING, HOST, GUEST, AMOUNT, FEE, null, List.of(
                new Posting("platform:stripe", AMOUNT),
                new Posting(HOST_PENDING, Money.of(-2345, "EUR")),
                new Posting("platform:fees", Money.of(-155, "EUR"))), "pi_1", eventId, NOW);
    }

    static UUID id(int n) {
        return new UUID(0, n);
    }
}
