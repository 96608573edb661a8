package app.soiree.command.payout;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.AbandonPayout;
import app.soiree.api.payout.ApprovePayout;
import app.soiree.api.payout.FailPayout;
import app.soiree.api.payout.MarkPayoutPaid;
import app.soiree.api.payout.MarkPayoutTransferUnanswered;
import app.soiree.api.payout.OpenPayout;
import app.soiree.api.payout.PayoutAbandoned;
import app.soiree.api.payout.PayoutApprovalGiven;
import app.soiree.api.payout.PayoutApproved;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.payout.PayoutRejected;
import app.soiree.api.payout.PayoutRequested;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.api.payout.PayoutSent;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutTransferRetried;
import app.soiree.api.payout.PayoutTransferUnanswered;
import app.soiree.api.payout.RejectPayout;
import app.soiree.api.payout.RetryPayoutTransfer;
import app.soiree.api.payout.ReversePayout;
import app.soiree.api.payout.SendPayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayoutTest {

    static final Instant NOW = Instant.parse("2026-12-20T09:00:00Z");
    static final PayoutId PAYOUT = new PayoutId(new UUID(0, 10));
    static final UserId HOST = new UserId(new UUID(0, 11));
    static final UserId ADA = new UserId(new UUID(0, 12));
    static final UserId GRACE = new UserId(new UUID(0, 13));
    static final String ACCOUNT = "acct_1Host";
    /** Automatic up to 100.00 EUR, one approval up to 1000.00 EUR, two above. */
    static final PayoutProperties POLICY = new PayoutProperties(10_000L, 100_000L, Map.of(), null, null, Duration.ofSeconds(30), 3, null);
    static final Money SMALL = Money.of(10_000, "EUR");
    static final Money MEDIUM = Money.of(100_000, "EUR");
    static final Money LARGE = Money.of(100_001, "EUR");

    private AggregateTestFixture<Payout> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payout.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(POLICY);
    }

    @Test
    void aPayoutUpToTheFirstThresholdIsApprovedByItself() {
        fixture.givenNoPriorActivity()
                .when(new OpenPayout(PAYOUT, HOST, SMALL, ACCOUNT))
                .expectResultMessagePayload(PayoutStatus.APPROVED)
                .expectEvents(requested(SMALL, 0), new PayoutApproved(PAYOUT, HOST, SMALL, null, NOW));
    }

    @Test
    void aPayoutAboveTheFirstThresholdWaitsForOneApproval() {
        fixture.givenNoPriorActivity()
                .when(new OpenPayout(PAYOUT, HOST, Money.of(10_001, "EUR"), ACCOUNT))
                .expectResultMessagePayload(PayoutStatus.PENDING_APPROVAL)
                .expectEvents(requested(Money.of(10_001, "EUR"), 1));
    }

    @Test
    void oneFinanceApprovalApprovesAMediumPayout() {
        fixture.given(requested(MEDIUM, 1))
                .when(new ApprovePayout(PAYOUT, ADA))
                .expectResultMessagePayload(PayoutStatus.APPROVED)
                .expectEvents(new PayoutApprovalGiven(PAYOUT, HOST, ADA, 1, 1, NOW), new PayoutApproved(PAYOUT, HOST, MEDIUM, ADA, NOW));
    }

    @Test
    void aLargePayoutNeedsTwoApprovals() {
        fixture.givenNoPriorActivity()
                .when(new OpenPayout(PAYOUT, HOST, LARGE, ACCOUNT))
                .expectEvents(requested(LARGE, 2));
    }

    @Test
    void theFirstOfTwoApprovalsLeavesItPending() {
        fixture.given(requested(LARGE, 2))
                .when(new ApprovePayout(PAYOUT, ADA))
                .expectResultMessagePayload(PayoutStatus.PENDING_APPROVAL)
                .expectEvents(new PayoutApprovalGiven(PAYOUT, HOST, ADA, 1, 2, NOW));
    }

    @Test
    void aSecondDifferentApproverApprovesALargePayout() {
        fixture.given(requested(LARGE, 2), new PayoutApprovalGiven(PAYOUT, HOST, ADA, 1, 2, NOW))
                .when(new ApprovePayout(PAYOUT, GRACE))
                .expectResultMessagePayload(PayoutStatus.APPROVED)
                .expectEvents(new PayoutApprovalGiven(PAYOUT, HOST, GRACE, 2, 2, NOW), new PayoutApproved(PAYOUT, HOST, LARGE, GRACE, NOW));
    }

    @Test
    void theSameApproverTwiceIsNotAllowed() {
        fixture.given(requested(LARGE, 2), new PayoutApprovalGiven(PAYOUT, HOST, ADA, 1, 2, NOW))
                .when(new ApprovePayout(PAYOUT, ADA))
                .expectException(refusedWith(ErrorCode.APPROVAL_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void theRequestingHostCanNeverApprove() {
        fixture.given(requested(MEDIUM, 1))
                .when(new ApprovePayout(PAYOUT, HOST))
                .expectException(refusedWith(ErrorCode.APPROVAL_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void theRequestingHostCannotBeOneOfTwoApproversEither() {
        fixture.given(requested(LARGE, 2), new PayoutApprovalGiven(PAYOUT, HOST, ADA, 1, 2, NOW))
                .when(new ApprovePayout(PAYOUT, HOST))
                .expectException(refusedWith(ErrorCode.APPROVAL_NOT_ALLOWED));
    }

    @Test
    void aRejectionNeedsAReason() {
        fixture.given(requested(MEDIUM, 1))
                .when(new RejectPayout(PAYOUT, ADA, "  "))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void financeRejectsWithAReason() {
        fixture.given(requested(LARGE, 2), new PayoutApprovalGiven(PAYOUT, HOST, ADA, 1, 2, NOW))
                .when(new RejectPayout(PAYOUT, GRACE, " Unusual pattern "))
                .expectResultMessagePayload(PayoutStatus.REJECTED)
                .expectEvents(new PayoutRejected(PAYOUT, HOST, LARGE, GRACE, "Unusual pattern", NOW));
    }

    @Test
    void theRequestingHostCannotRejectEither() {
        fixture.given(requested(MEDIUM, 1))
                .when(new RejectPayout(PAYOUT, HOST, "changed my mind"))
                .expectException(refusedWith(ErrorCode.APPROVAL_NOT_ALLOWED));
    }

    @Test
    void nothingIsDecidedAfterARejection() {
        fixture.given(requested(MEDIUM, 1), new PayoutRejected(PAYOUT, HOST, MEDIUM, ADA, "no", NOW))
                .when(new ApprovePayout(PAYOUT, GRACE))
                .expectException(refusedWith(ErrorCode.PAYOUT_NOT_PENDING));
    }

    @Test
    void anApprovedPayoutCannotBeApprovedOrRejectedAgain() {
        fixture.given(requested(SMALL, 0), new PayoutApproved(PAYOUT, HOST, SMALL, null, NOW))
                .when(new RejectPayout(PAYOUT, ADA, "too late"))
                .expectException(refusedWith(ErrorCode.PAYOUT_NOT_PENDING));
    }

    @Test
    void aPaidPayoutCannotBeRejected() {
        fixture.given(paidEvents())
                .when(new RejectPayout(PAYOUT, ADA, "too late"))
                .expectException(refusedWith(ErrorCode.PAYOUT_NOT_PENDING));
    }

    @Test
    void aFailedPayoutCannotBeApproved() {
        fixture.given(sentEvents(new PayoutFailed(PAYOUT, HOST, SMALL, "account_closed", NOW)))
                .when(new ApprovePayout(PAYOUT, ADA))
                .expectException(refusedWith(ErrorCode.PAYOUT_NOT_PENDING));
    }

    @Test
    void openingItAgainChangesNothingAndAnswersItsStatus() {
        fixture.given(requested(MEDIUM, 1))
                .when(new OpenPayout(PAYOUT, HOST, MEDIUM, ACCOUNT))
                .expectResultMessagePayload(PayoutStatus.PENDING_APPROVAL)
                .expectNoEvents();
    }

    @Test
    void openingItForAnotherAmountIsRefused() {
        fixture.given(requested(MEDIUM, 1))
                .when(new OpenPayout(PAYOUT, HOST, SMALL, ACCOUNT))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
    }

    @Test
    void sendingPutsTheMoneyInTransitOnce() {
        fixture.given(requested(SMALL, 0), new PayoutApproved(PAYOUT, HOST, SMALL, null, NOW))
                .when(new SendPayout(PAYOUT))
                .expectEvents(sent());
        fixture.given(sentEvents())
                .when(new SendPayout(PAYOUT))
                .expectNoEvents();
    }

    @Test
    void aPendingPayoutIsNotSent() {
        fixture.given(requested(MEDIUM, 1))
                .when(new SendPayout(PAYOUT))
                .expectNoEvents();
    }

    @Test
    void theProvidersTransferPaysItOnceHoweverOftenItIsReported() {
        fixture.given(sentEvents())
                .when(new MarkPayoutPaid(PAYOUT, "tr_1", "transfer:" + PAYOUT))
                .expectEvents(paid());
        fixture.given(paidEvents())
                .when(new MarkPayoutPaid(PAYOUT, "tr_1", "evt_transfer_created"))
                .expectNoEvents();
    }

    @Test
    void aRefusedTransferFailsThePayout() {
        fixture.given(sentEvents())
                .when(new FailPayout(PAYOUT, "refused by Stripe: account_invalid", "transfer:" + PAYOUT))
                .expectEvents(new PayoutFailed(PAYOUT, HOST, SMALL, "refused by Stripe: account_invalid", NOW));
    }

    @Test
    void aTransferReportedAfterARefusalIsABugThatStopsLoudly() {
        fixture.given(sentEvents(new PayoutFailed(PAYOUT, HOST, SMALL, "refused", NOW)))
                .when(new MarkPayoutPaid(PAYOUT, "tr_1", "evt_1"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aRefusalAfterThePaymentIsABugThatStopsLoudly() {
        fixture.given(paidEvents())
                .when(new FailPayout(PAYOUT, "refused", "evt_2"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aReversalReturnsEachPartOnce() {
        fixture.given(paidEvents())
                .when(new ReversePayout(PAYOUT, "tr_1", Money.of(4000, "EUR"), "evt_r1"))
                .expectEvents(new PayoutReversed(PAYOUT, HOST, Money.of(4000, "EUR"), Money.of(4000, "EUR"), "tr_1", NOW));
        fixture.given(paidEvents(new PayoutReversed(PAYOUT, HOST, Money.of(4000, "EUR"), Money.of(4000, "EUR"), "tr_1", NOW)))
                .when(new ReversePayout(PAYOUT, "tr_1", Money.of(4000, "EUR"), "evt_r1_copy"))
                .expectNoEvents();
    }

    @Test
    void aLaterReversalReturnsOnlyWhatIsNew() {
        fixture.given(paidEvents(new PayoutReversed(PAYOUT, HOST, Money.of(4000, "EUR"), Money.of(4000, "EUR"), "tr_1", NOW)))
                .when(new ReversePayout(PAYOUT, "tr_1", SMALL, "evt_r2"))
                .expectEvents(new PayoutReversed(PAYOUT, HOST, Money.of(6000, "EUR"), SMALL, "tr_1", NOW));
    }

    @Test
    void aReversalBeforeTheTransferWasReportedRecordsThePaymentFirst() {
        fixture.given(sentEvents())
                .when(new ReversePayout(PAYOUT, "tr_1", SMALL, "evt_r"))
                .expectEvents(paid(), new PayoutReversed(PAYOUT, HOST, SMALL, SMALL, "tr_1", NOW));
    }

    @Test
    void aFullyReversedPayoutTakesNoLateTransferReportAsNews() {
        fixture.given(paidEvents(new PayoutReversed(PAYOUT, HOST, SMALL, SMALL, "tr_1", NOW)))
                .when(new MarkPayoutPaid(PAYOUT, "tr_1", "evt_created_late"))
                .expectNoEvents();
    }

    @Test
    void aReversalBeyondTheAmountIsRefusedLoudly() {
        fixture.given(paidEvents())
                .when(new ReversePayout(PAYOUT, "tr_1", Money.of(10_001, "EUR"), "evt_r"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void unansweredTransfersAreRecordedAndRetriedByStaffOnlyOnceTheRetriesRanOut() {
        fixture.given(sentEvents())
                .when(new MarkPayoutTransferUnanswered(PAYOUT, 1, "timeout", false))
                .expectEvents(new PayoutTransferUnanswered(PAYOUT, HOST, 1, "timeout", false, NOW));
        fixture.given(sentEvents(new PayoutTransferUnanswered(PAYOUT, HOST, 1, "timeout", false, NOW)))
                .when(new RetryPayoutTransfer(PAYOUT, ADA))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
        fixture.given(sentEvents(new PayoutTransferUnanswered(PAYOUT, HOST, 3, "timeout", true, NOW)))
                .when(new RetryPayoutTransfer(PAYOUT, ADA))
                .expectEvents(new PayoutTransferRetried(PAYOUT, HOST, SMALL, ACCOUNT, ADA, NOW));
    }

    @Test
    void aPayoutReportedPaidWithoutHavingBeenSentIsABug() {
        fixture.given(requested(MEDIUM, 1))
                .when(new MarkPayoutPaid(PAYOUT, "tr_1", "evt_1"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void fundsNeverOpenedAsAPayoutAbandonIt() {
        fixture.givenNoPriorActivity()
                .when(new AbandonPayout(PAYOUT, HOST, SMALL))
                .expectEvents(new PayoutAbandoned(PAYOUT, HOST, SMALL, NOW));
    }

    @Test
    void anOpenedPayoutIsNotAbandoned() {
        fixture.given(requested(SMALL, 0), new PayoutApproved(PAYOUT, HOST, SMALL, null, NOW))
                .when(new AbandonPayout(PAYOUT, HOST, SMALL))
                .expectNoEvents();
    }

    @Test
    void anAbandonedPayoutIsNeverOpened() {
        fixture.given(new PayoutAbandoned(PAYOUT, HOST, SMALL, NOW))
                .when(new OpenPayout(PAYOUT, HOST, SMALL, ACCOUNT))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("new Idempotency-Key"));
    }

    static PayoutRequested requested(Money amount, int approvals) {
        return new PayoutRequested(PAYOUT, HOST, amount, ACCOUNT, approvals, NOW);
    }

    static PayoutSent sent() {
        return new PayoutSent(PAYOUT, HOST, SMALL, ACCOUNT, List.of(Posting.debit("host:" + HOST + ":reserved", SMALL),
                Posting.credit("platform:payouts-in-transit", SMALL)), NOW);
    }

    static PayoutPaid paid() {
        return new PayoutPaid(PAYOUT, HOST, SMALL, "tr_1", List.of(Posting.debit("platform:payouts-in-transit", SMALL),
                Posting.credit("platform:stripe", SMALL)), NOW);
    }

    /** An automatically approved payout in transit, then {@code more}. */
    static List<Object> sentEvents(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(requested(SMALL, 0), new PayoutApproved(PAYOUT, HOST, SMALL, null, NOW),
                sent()));
        events.addAll(List.of(more));
        return events;
    }

    /** An automatically approved payout, paid, then {@code more}. */
    static List<Object> paidEvents(Object... more) {
        List<Object> events = sentEvents(paid());
        events.addAll(List.of(more));
        return events;
    }
}
