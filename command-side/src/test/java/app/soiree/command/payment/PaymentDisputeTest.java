package app.soiree.command.payment;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.Money;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeWon;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.ProviderDisputeUpdated;
import app.soiree.api.dispute.RecordProviderDispute;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundRemaining;
import app.soiree.api.refund.RefundRequested;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

/** The provider's word on a dispute, as the payment books it: opened once, decided once, in whatever order it comes. */
class PaymentDisputeTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant DUE = NOW.plus(Duration.ofDays(7));
    static final PaymentId PAYMENT = new PaymentId(id(1));
    static final BookingId BOOKING = new BookingId(id(2));
    static final GatheringId GATHERING = new GatheringId(id(3));
    static final UserId HOST = new UserId(id(4));
    static final UserId GUEST = new UserId(id(5));
    static final Money AMOUNT = Money.of(2500, "EUR");
    static final Money DISPUTE_FEE = Money.of(2000, "EUR");
    static final DisputeId DISPUTE = DisputeId.forProviderDispute("stripe", "dp_1");
    static final String HOST_PENDING = "host:" + HOST + ":pending";
    static final String HOST_HOLD = "host:" + HOST + ":dispute-hold";

    private AggregateTestFixture<Payment> fixture = fixture(false);

    private static AggregateTestFixture<Payment> fixture(boolean hostBearsFee) {
        AggregateTestFixture<Payment> fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new FeePolicy(new BigDecimal("5"), 30L, Map.of()));
        fixture.registerInjectableResource(new DisputeFees(Map.of("EUR", 2000L), hostBearsFee));
        return fixture;
    }

    @Test
    void opensADisputeOnACapturedPaymentAndHoldsTheHostsShare() {
        given(captured()).when(report(ProviderDisputeStatus.NEEDS_RESPONSE, "evt_created", NOW))
                .expectEvents(disputed(AMOUNT, "evt_created", NOW));
    }

    @Test
    void theOpeningPostingsFollowTheDesign() {
        // credit platform:stripe A+D, debit platform:disputes A+D, debit host pending H, credit host dispute-hold H
        org.assertj.core.api.Assertions.assertThat(disputed(AMOUNT, "evt", NOW).postings()).containsExactly(
                new Posting("platform:stripe", Money.of(-4500, "EUR")),
                new Posting("platform:disputes", Money.of(4500, "EUR")),
                new Posting(HOST_PENDING, AMOUNT),
                new Posting(HOST_HOLD, AMOUNT.negated()));
    }

    @Test
    void opensEachDisputeOnceHoweverOftenItIsReported() {
        given(captured(), disputed(AMOUNT, "evt_created", NOW))
                .when(report(ProviderDisputeStatus.NEEDS_RESPONSE, "evt_withdrawn", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesADisputeOfAPaymentThatWasNotCaptured() {
        given().when(report(ProviderDisputeStatus.NEEDS_RESPONSE, "evt_created", NOW))
                .expectException(refusedWith(ErrorCode.PAYMENT_NOT_CAPTURED));
    }

    @Test
    void refusesADisputeOfMoreThanIsLeftAfterRefunds() {
        RefundId refund = new RefundId(id(20));
        given(captured(), new RefundRequested(PAYMENT, refund, BOOKING, GATHERING, HOST, GUEST, Money.of(1000, "EUR"), "goodwill", "pi_1", NOW))
                .when(report(ProviderDisputeStatus.NEEDS_RESPONSE, AMOUNT, "evt_created", NOW))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
        given(captured(), new RefundRequested(PAYMENT, refund, BOOKING, GATHERING, HOST, GUEST, Money.of(1000, "EUR"), "goodwill", "pi_1", NOW))
                .when(report(ProviderDisputeStatus.NEEDS_RESPONSE, Money.of(1500, "EUR"), "evt_created", NOW))
                .expectEvents(disputed(Money.of(1500, "EUR"), "evt_created", NOW));
    }

    @Test
    void aClosedReportBeforeTheCreatedOneOpensAndDecidesTheDispute() {
        given(captured()).when(report(ProviderDisputeStatus.LOST, "evt_closed", NOW.plusSeconds(60)))
                .expectEvents(disputed(AMOUNT, "evt_closed", NOW.plusSeconds(60)), lost("evt_closed"));
    }

    @Test
    void theCreatedReportAfterTheDecisionChangesNothing() {
        given(captured(), disputed(AMOUNT, "evt_closed", NOW.plusSeconds(60)), lost("evt_closed"))
                .when(report(ProviderDisputeStatus.NEEDS_RESPONSE, "evt_created", NOW))
                .expectNoEvents();
    }

    @Test
    void aWonDisputeReversesTheOpeningExactly() {
        given(captured(), disputed(AMOUNT, "evt_created", NOW))
                .when(report(ProviderDisputeStatus.WON, "evt_closed", NOW.plusSeconds(60)))
                .expectEvents(won("evt_closed"));
    }

    @Test
    void aDisputeIsDecidedOnce() {
        given(captured(), disputed(AMOUNT, "evt_created", NOW), won("evt_closed"))
                .when(report(ProviderDisputeStatus.LOST, "evt_other", NOW.plusSeconds(120)))
                .expectNoEvents();
        // funds_reinstated after the win carries the same decision: nothing is booked twice
        given(captured(), disputed(AMOUNT, "evt_created", NOW), won("evt_closed"))
                .when(report(ProviderDisputeStatus.WON, "evt_reinstated", NOW.plusSeconds(61)))
                .expectNoEvents();
    }

    @Test
    void aLostDisputeBooksTheFeeAsThePlatformsLossWhenHostsDoNotBearIt() {
        org.assertj.core.api.Assertions.assertThat(lost("evt").postings()).containsExactly(
                new Posting("platform:disputes", Money.of(-4500, "EUR")),
                new Posting(HOST_HOLD, AMOUNT),
                new Posting("platform:losses", DISPUTE_FEE));
    }

    @Test
    void whenHostsBearTheFeeTheirHoldIncludesItAndThePlatformLosesNothing() {
        fixture = fixture(true);
        Money hostShare = AMOUNT.plus(DISPUTE_FEE);
        PaymentDisputed opened = new PaymentDisputed(PAYMENT, DISPUTE, BOOKING, GATHERING, HOST, GUEST, "stripe", "dp_1", AMOUNT,
                DISPUTE_FEE, hostShare, "fraudulent", DUE, List.of(
                        new Posting("platform:stripe", Money.of(-4500, "EUR")),
                        new Posting("platform:disputes", Money.of(4500, "EUR")),
                        new Posting(HOST_PENDING, hostShare),
                        new Posting(HOST_HOLD, hostShare.negated())), "evt_created", NOW, NOW);
        given(captured()).when(report(ProviderDisputeStatus.NEEDS_RESPONSE, "evt_created", NOW)).expectEvents(opened);
        given(captured(), opened).when(report(ProviderDisputeStatus.LOST, "evt_closed", NOW))
                .expectEvents(new DisputeLost(PAYMENT, DISPUTE, BOOKING, GATHERING, HOST, AMOUNT, DISPUTE_FEE, hostShare, List.of(
                        new Posting("platform:disputes", Money.of(-4500, "EUR")),
                        new Posting(HOST_HOLD, hostShare)), "evt_closed", NOW));
    }

    @Test
    void recordsANewerUpdateAndIgnoresAStaleOne() {
        Instant later = NOW.plusSeconds(30);
        Instant newDue = DUE.plus(Duration.ofDays(2));
        given(captured(), disputed(AMOUNT, "evt_created", NOW))
                .when(new RecordProviderDispute(PAYMENT, DISPUTE, "dp_1", AMOUNT, "fraudulent", ProviderDisputeStatus.UNDER_REVIEW, newDue,
                        later, "evt_updated"))
                .expectEvents(new ProviderDisputeUpdated(PAYMENT, DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, newDue, later, "evt_updated"));
        given(captured(), disputed(AMOUNT, "evt_created", NOW),
                new ProviderDisputeUpdated(PAYMENT, DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, newDue, later, "evt_updated"))
                .when(report(ProviderDisputeStatus.NEEDS_RESPONSE, "evt_older", NOW.plusSeconds(10)))
                .expectNoEvents();
    }

    @Test
    void withinTheSameSecondADisputeOnlyMovesForward() {
        given(captured(), disputed(AMOUNT, "evt_created", NOW))
                .when(report(ProviderDisputeStatus.UNDER_REVIEW, "evt_updated", NOW))
                .expectEvents(new ProviderDisputeUpdated(PAYMENT, DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, DUE, NOW, "evt_updated"));
        given(captured(), disputed(AMOUNT, "evt_created", NOW),
                new ProviderDisputeUpdated(PAYMENT, DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, DUE, NOW, "evt_updated"))
                .when(report(ProviderDisputeStatus.NEEDS_RESPONSE, "evt_withdrawn", NOW))
                .expectNoEvents();
    }

    @Test
    void aPaymentUnderDisputeCannotBeRefunded() {
        given(captured(), disputed(AMOUNT, "evt_created", NOW))
                .when(new RefundPayment(PAYMENT, new RefundId(id(20)), Money.of(100, "EUR"), "goodwill"))
                .expectException(refusedWith(ErrorCode.REFUND_NOT_ALLOWED));
    }

    @Test
    void aCancellationDuringAnOpenDisputeIsRefusedAndLeftToStaff() {
        given(captured(), disputed(AMOUNT, "evt_created", NOW))
                .when(new RefundRemaining(PAYMENT, new RefundId(id(20)), AMOUNT, "The guest cancelled"))
                .expectException(refusedWith(ErrorCode.REFUND_NOT_ALLOWED));
    }

    @Test
    void aCancellationAfterALostDisputeRefundsOnlyWhatTheDisputeLeft() {
        Money partial = Money.of(1000, "EUR");
        RefundId refund = new RefundId(id(20));
        given(captured(), disputed(partial, "evt_created", NOW), lostOf(partial, "evt_closed"))
                .when(new RefundRemaining(PAYMENT, refund, AMOUNT, "The guest cancelled"))
                .expectEvents(new RefundRequested(PAYMENT, refund, BOOKING, GATHERING, HOST, GUEST, Money.of(1500, "EUR"),
                        "The guest cancelled", "pi_1", NOW));
    }

    @Test
    void aWonDisputeLeavesThePaymentRefundable() {
        RefundId refund = new RefundId(id(20));
        given(captured(), disputed(AMOUNT, "evt_created", NOW), won("evt_closed"))
                .when(new RefundPayment(PAYMENT, refund, AMOUNT, "goodwill"))
                .expectEvents(new RefundRequested(PAYMENT, refund, BOOKING, GATHERING, HOST, GUEST, AMOUNT, "goodwill", "pi_1", NOW));
    }

    @Test
    void aLostDisputeCannotBeRefundedAgain() {
        Money partial = Money.of(1000, "EUR");
        given(captured(), disputed(partial, "evt_created", NOW), lostOf(partial, "evt_closed"))
                .when(new RefundPayment(PAYMENT, new RefundId(id(20)), Money.of(1501, "EUR"), "goodwill"))
                .expectException(refusedWith(ErrorCode.REFUND_EXCEEDS_CAPTURED));
        RefundId rest = new RefundId(id(21));
        given(captured(), disputed(partial, "evt_created", NOW), lostOf(partial, "evt_closed"))
                .when(new RefundPayment(PAYMENT, rest, Money.of(1500, "EUR"), "goodwill"))
                .expectEvents(new RefundRequested(PAYMENT, rest, BOOKING, GATHERING, HOST, GUEST, Money.of(1500, "EUR"), "goodwill", "pi_1", NOW));
    }

    private TestExecutor<Payment> given(Object... events) {
        Object[] all = new Object[events.length + 1];
        all[0] = new PaymentRequested(PAYMENT, BOOKING, GATHERING, HOST, GUEST, AMOUNT, "stripe", NOW, null);
        System.arraycopy(events, 0, all, 1, events.length);
        return fixture.given(all);
    }

    static PaymentCaptured captured() {
        return new PaymentCaptured(PAYMENT, BOOKING, GATHERING, HOST, GUEST, AMOUNT, Money.of(155, "EUR"), null, List.of(
                new Posting("platform:stripe", AMOUNT),
                new Posting(HOST_PENDING, Money.of(-2345, "EUR")),
                new Posting("platform:fees", Money.of(-155, "EUR"))), "pi_1", "evt_paid", NOW);
    }

    static RecordProviderDispute report(ProviderDisputeStatus status, String eventId, Instant reportedAt) {
        return report(status, AMOUNT, eventId, reportedAt);
    }

    static RecordProviderDispute report(ProviderDisputeStatus status, Money amount, String eventId, Instant reportedAt) {
        return new RecordProviderDispute(PAYMENT, DISPUTE, "dp_1", amount, "fraudulent", status, DUE, reportedAt, eventId);
    }

    static PaymentDisputed disputed(Money amount, String eventId, Instant reportedAt) {
        Money withdrawn = amount.plus(DISPUTE_FEE);
        return new PaymentDisputed(PAYMENT, DISPUTE, BOOKING, GATHERING, HOST, GUEST, "stripe", "dp_1", amount, DISPUTE_FEE, amount,
                "fraudulent", DUE, List.of(
                        Posting.credit("platform:stripe", withdrawn),
                        Posting.debit("platform:disputes", withdrawn),
                        Posting.debit(HOST_PENDING, amount),
                        Posting.credit(HOST_HOLD, amount)), eventId, reportedAt, NOW);
    }

    static DisputeWon won(String eventId) {
        Money withdrawn = AMOUNT.plus(DISPUTE_FEE);
        return new DisputeWon(PAYMENT, DISPUTE, BOOKING, GATHERING, HOST, AMOUNT, DISPUTE_FEE, AMOUNT, List.of(
                Posting.debit("platform:stripe", withdrawn),
                Posting.credit("platform:disputes", withdrawn),
                Posting.debit(HOST_HOLD, AMOUNT),
                Posting.credit(HOST_PENDING, AMOUNT)), eventId, NOW);
    }

    static DisputeLost lost(String eventId) {
        return lostOf(AMOUNT, eventId);
    }

    static DisputeLost lostOf(Money amount, String eventId) {
        Money withdrawn = amount.plus(DISPUTE_FEE);
        return new DisputeLost(PAYMENT, DISPUTE, BOOKING, GATHERING, HOST, amount, DISPUTE_FEE, amount, List.of(
                Posting.credit("platform:disputes", withdrawn),
                Posting.debit(HOST_HOLD, amount),
                Posting.debit("platform:losses", DISPUTE_FEE)), eventId, NOW);
    }

    static UUID id(int n) {
        return new UUID(0, n);
    }
}
