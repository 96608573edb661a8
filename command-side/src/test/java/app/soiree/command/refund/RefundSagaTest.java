package app.soiree.command.refund;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.ConfirmRefund;
import app.soiree.api.refund.FailRefund;
import app.soiree.api.refund.MarkRefundOutcomeUnknown;
import app.soiree.api.refund.MarkRefundPending;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundSagaTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final PaymentId PAYMENT = new PaymentId(new UUID(0, 1));
    static final BookingId BOOKING = new BookingId(new UUID(0, 2));
    static final GatheringId GATHERING = new GatheringId(new UUID(0, 3));
    static final UserId HOST = new UserId(new UUID(0, 4));
    static final UserId GUEST = new UserId(new UUID(0, 5));
    static final RefundId REFUND = new RefundId(new UUID(0, 20));
    static final Money AMOUNT = Money.of(2500, "EUR");
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    static final Duration RECONCILE_AFTER = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 3;

    private SagaTestFixture<RefundSaga> fixture;
    private ScriptedRefundProvider provider;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RefundSaga.class);
        provider = new ScriptedRefundProvider();
        fixture.registerResource(provider);
        fixture.registerResource(new RefundsProperties(RETRY_AFTER, MAX_ATTEMPTS, RECONCILE_AFTER, null));
        fixture.withTransienceCheckDisabled();
    }

    @Test
    void asksTheProviderWithTheRefundAndConfirmsARefundDoneAtOnce() {
        provider.answers.add(ProviderRefund.succeeded("re_1"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new ConfirmRefund(PAYMENT, REFUND, "re_1", "refund-call:" + REFUND))
                .expectActiveSagas(1);
        assertThat(provider.requests).containsExactly(new RefundRequest(REFUND, PAYMENT, "pi_1", AMOUNT, "guest cancelled"));
    }

    @Test
    void endsWhenThePaymentRecordsTheRefund() {
        provider.answers.add(ProviderRefund.succeeded("re_1"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenPublishingA(refunded())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPendingRefundIsRecordedAndLookedUpLaterIfItsWebhookDoesNotCome() {
        provider.answers.add(ProviderRefund.pending("re_1"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new MarkRefundPending(PAYMENT, REFUND, "re_1"))
                .expectScheduledDeadlineWithName(RECONCILE_AFTER, RefundSaga.RECONCILE_DEADLINE);
    }

    @Test
    void aPendingRefundThatSucceededMeanwhileIsConfirmedWhenLookedUp() {
        provider.answers.add(ProviderRefund.pending("re_1"));
        provider.answers.add(ProviderRefund.succeeded("re_1"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenTimeElapses(RECONCILE_AFTER)
                .expectDispatchedCommands(new ConfirmRefund(PAYMENT, REFUND, "re_1", "reconciliation:" + REFUND));
        assertThat(provider.retrieved).containsExactly("re_1");
    }

    @Test
    void aPendingRefundThatFailedMeanwhileIsFailedWhenLookedUp() {
        provider.answers.add(ProviderRefund.pending("re_1"));
        provider.answers.add(ProviderRefund.declined("re_1", "failed at Stripe: lost_or_stolen_card"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenTimeElapses(RECONCILE_AFTER)
                .expectDispatchedCommands(FailRefund.reported(PAYMENT, REFUND, "failed at Stripe: lost_or_stolen_card",
                        "reconciliation:" + REFUND));
    }

    @Test
    void aRefundStillPendingIsLookedUpAgainLater() {
        provider.answers.add(ProviderRefund.pending("re_1"));
        provider.answers.add(ProviderRefund.pending("re_1"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenTimeElapses(RECONCILE_AFTER)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(RECONCILE_AFTER.multipliedBy(2), RefundSaga.RECONCILE_DEADLINE);
    }

    @Test
    void aRefundPendingPastEveryLookUpIsLeftToStaffAndItsWebhookStillSettlesIt() {
        provider.answers.add(ProviderRefund.pending("re_1"));
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            provider.answers.add(ProviderRefund.pending("re_1"));
        }
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenTimeElapses(RECONCILE_AFTER.multipliedBy(1 + 2 + 4))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(provider.retrieved).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void aRefundTheProviderRefusesIsFailed() {
        provider.answers.add(ProviderRefund.declined(null, "refused by Stripe: charge_already_refunded"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(FailRefund.refusedOnRequest(PAYMENT, REFUND, "refused by Stripe: charge_already_refunded",
                        "refund-call:" + REFUND));
    }

    @Test
    void endsWhenThePaymentRecordsTheFailure() {
        provider.answers.add(ProviderRefund.declined(null, "refused"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenPublishingA(new RefundFailed(PAYMENT, REFUND, BOOKING, GATHERING, AMOUNT, "refused", "refund-call:" + REFUND, NOW))
                .expectActiveSagas(0);
    }

    @Test
    void anUnansweredCallIsSentAgainLaterUnderTheSameIdempotencyKey() {
        provider.answers.add(ProviderRefund.unknown("timeout"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(RETRY_AFTER, RefundSaga.RETRY_DEADLINE);
    }

    @Test
    void theRetryFindsTheRefundTheUnansweredCallMade() {
        provider.answers.add(ProviderRefund.unknown("timeout"));
        provider.answers.add(ProviderRefund.succeeded("re_1"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenTimeElapses(RETRY_AFTER)
                .expectDispatchedCommands(new ConfirmRefund(PAYMENT, REFUND, "re_1", "refund-call:" + REFUND));
        assertThat(provider.requests).hasSize(2).allSatisfy(request -> assertThat(request.refundId()).isEqualTo(REFUND));
    }

    @Test
    void retriesWaitTwiceAsLongEachTime() {
        provider.answers.add(ProviderRefund.unknown("timeout"));
        provider.answers.add(ProviderRefund.unknown("timeout"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenTimeElapses(RETRY_AFTER)
                .expectScheduledDeadlineWithName(RETRY_AFTER.multipliedBy(2), RefundSaga.RETRY_DEADLINE);
    }

    @Test
    void aProviderThatTurnsUsAwayForNowIsAskedAgainLater() {
        provider.answers.add(ProviderRefund.unavailable("Stripe rate limit"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(RETRY_AFTER, RefundSaga.RETRY_DEADLINE);
    }

    @Test
    void afterTheLastAttemptTheRefundIsLeftToStaffAndTheSagaEnds() {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            provider.answers.add(ProviderRefund.unknown("timeout"));
        }
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenTimeElapses(RETRY_AFTER.multipliedBy(1 + 2))
                .expectDispatchedCommands(new MarkRefundOutcomeUnknown(PAYMENT, REFUND,
                        "No answer from the provider after " + MAX_ATTEMPTS + " attempts: timeout"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(provider.requests).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void aWebhookThatSettlesTheRefundWhileARetryWaitsEndsTheSagaAndTheRetry() {
        provider.answers.add(ProviderRefund.unknown("timeout"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenPublishingA(refunded())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(provider.requests).hasSize(1);
    }

    static RefundRequested requested() {
        return new RefundRequested(PAYMENT, REFUND, BOOKING, GATHERING, HOST, GUEST, AMOUNT, "guest cancelled", "pi_1", NOW);
    }

    static PaymentRefunded refunded() {
        return new PaymentRefunded(PAYMENT, REFUND, BOOKING, GATHERING, HOST, GUEST, AMOUNT, Money.of(2345, "EUR"),
                List.of(Posting.credit("platform:stripe", AMOUNT), Posting.debit("host:" + HOST + ":pending", Money.of(2345, "EUR")),
                        Posting.debit("platform:fees", Money.of(155, "EUR"))), "re_1", "evt_1", NOW);
    }

    /** A provider that answers from a script: the saga's decisions are what is under test here. */
    static final class ScriptedRefundProvider implements RefundProvider {
        final Deque<ProviderRefund> answers = new ArrayDeque<>();
        final List<RefundRequest> requests = new ArrayList<>();
        final List<String> retrieved = new ArrayList<>();

        @Override
        public ProviderRefund refund(RefundRequest request) {
            requests.add(request);
            return answers.removeFirst();
        }

        @Override
        public ProviderRefund retrieve(String providerReference) {
            retrieved.add(providerReference);
            return answers.removeFirst();
        }
    }
}
