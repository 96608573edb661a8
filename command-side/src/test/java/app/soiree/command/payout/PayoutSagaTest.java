package app.soiree.command.payout;

import static app.soiree.command.payout.PayoutTest.ACCOUNT;
import static app.soiree.command.payout.PayoutTest.ADA;
import static app.soiree.command.payout.PayoutTest.HOST;
import static app.soiree.command.payout.PayoutTest.NOW;
import static app.soiree.command.payout.PayoutTest.PAYOUT;
import static app.soiree.command.payout.PayoutTest.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.AbandonPayout;
import app.soiree.api.payout.FailPayout;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.MarkPayoutPaid;
import app.soiree.api.payout.MarkPayoutTransferUnanswered;
import app.soiree.api.payout.PayoutAbandoned;
import app.soiree.api.payout.PayoutApproved;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutFundsSource;
import app.soiree.api.payout.PayoutRejected;
import app.soiree.api.payout.PayoutRequested;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.api.payout.PayoutTransferRetried;
import app.soiree.api.payout.ReturnPayoutFunds;
import app.soiree.api.payout.SendPayout;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayoutSagaTest {

    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    static final Duration ABANDON_AFTER = Duration.ofMinutes(15);
    static final HostWalletId WALLET = HostWalletId.forHost(HOST);

    private SagaTestFixture<PayoutSaga> fixture;
    private ScriptedProvider provider;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PayoutSaga.class);
        provider = new ScriptedProvider();
        fixture.registerResource(provider);
        fixture.registerResource(new PayoutProperties(10_000L, 100_000L, Map.of(), null, null, RETRY_AFTER, 3, ABANDON_AFTER));
        fixture.withTransienceCheckDisabled();
    }

    @Test
    void reservedFundsWaitForTheRequestToOpenTheirPayout() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(reserved())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(ABANDON_AFTER, PayoutSaga.UNOPENED_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void anOpenedPayoutIsNotAbandoned() {
        fixture.givenAPublished(reserved())
                .whenPublishingA(opened())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void fundsWhosePayoutWasNeverOpenedAreAbandonedThenReturned() {
        fixture.givenAPublished(reserved())
                .whenTimeElapses(ABANDON_AFTER)
                .expectDeadlinesMet(PAYOUT)
                .expectDispatchedCommands(new AbandonPayout(PAYOUT, HOST, SMALL));
    }

    @Test
    void anAbandonedPayoutReturnsItsReservedFundsAndEnds() {
        fixture.givenAPublished(reserved())
                .whenPublishingA(new PayoutAbandoned(PAYOUT, HOST, SMALL, NOW))
                .expectDispatchedCommands(new ReturnPayoutFunds(WALLET, HOST, PAYOUT, "abandoned", SMALL, PayoutFundsSource.RESERVED,
                        "the payout request stopped before it opened the payout"))
                .expectActiveSagas(0);
    }

    @Test
    void anApprovedPayoutIsSent() {
        fixture.givenAPublished(reserved()).andThenAPublished(opened())
                .whenPublishingA(new PayoutApproved(PAYOUT, HOST, SMALL, null, NOW))
                .expectDispatchedCommands(new SendPayout(PAYOUT));
    }

    @Test
    void aSentPayoutIsTransferredWithItsIdAsKeyAndPaid() {
        provider.answers.add(TransferAnswer.paid("tr_1"));
        fixture.givenAPublished(reserved()).andThenAPublished(opened())
                .whenPublishingA(PayoutTest.sent())
                .expectDispatchedCommands(new MarkPayoutPaid(PAYOUT, "tr_1", "transfer:" + PAYOUT));
        assertThat(provider.requests).containsExactly(new TransferRequest(PAYOUT, HOST, SMALL, ACCOUNT));
    }

    @Test
    void aRefusedTransferFailsThePayout() {
        provider.answers.add(TransferAnswer.refused("refused by Stripe: account_invalid"));
        fixture.givenAPublished(reserved()).andThenAPublished(opened())
                .whenPublishingA(PayoutTest.sent())
                .expectDispatchedCommands(new FailPayout(PAYOUT, "refused by Stripe: account_invalid", "transfer:" + PAYOUT));
    }

    @Test
    void anUnansweredTransferIsAskedAgainLaterWithTheSameKey() {
        provider.answers.add(TransferAnswer.unanswered("timeout"));
        fixture.givenAPublished(reserved()).andThenAPublished(opened())
                .whenPublishingA(PayoutTest.sent())
                .expectDispatchedCommands(new MarkPayoutTransferUnanswered(PAYOUT, 1, "timeout", false))
                .expectScheduledDeadlineWithName(RETRY_AFTER, PayoutSaga.RETRY_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void theRetryAsksTheProviderAgainAndPaysWhenItAnswers() {
        provider.answers.add(TransferAnswer.unanswered("timeout"));
        provider.answers.add(TransferAnswer.paid("tr_1"));
        fixture.givenAPublished(reserved()).andThenAPublished(opened()).andThenAPublished(PayoutTest.sent())
                .whenTimeElapses(RETRY_AFTER)
                .expectDispatchedCommands(new MarkPayoutPaid(PAYOUT, "tr_1", "transfer:" + PAYOUT));
        assertThat(provider.requests).hasSize(2).allSatisfy(request -> assertThat(request.payoutId()).isEqualTo(PAYOUT));
    }

    @Test
    void retriesBackOffAndStopAtTheCapLeavingThePayoutToStaff() {
        for (int i = 0; i < 3; i++) {
            provider.answers.add(TransferAnswer.unanswered("timeout " + (i + 1)));
        }
        // Attempts at 0 s, 30 s later, then 60 s after that; the third is the last (max-transfer-attempts = 3).
        fixture.givenAPublished(reserved()).andThenAPublished(opened()).andThenAPublished(PayoutTest.sent())
                .whenTimeElapses(RETRY_AFTER.plus(RETRY_AFTER.multipliedBy(2)))
                .expectDispatchedCommands(new MarkPayoutTransferUnanswered(PAYOUT, 2, "timeout 2", false),
                        new MarkPayoutTransferUnanswered(PAYOUT, 3, "timeout 3", true))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        assertThat(provider.requests).hasSize(3);
    }

    @Test
    void theSecondRetryWaitsTwiceAsLong() {
        provider.answers.add(TransferAnswer.unanswered("timeout 1"));
        provider.answers.add(TransferAnswer.unanswered("timeout 2"));
        fixture.givenAPublished(reserved()).andThenAPublished(opened()).andThenAPublished(PayoutTest.sent())
                .whenTimeElapses(RETRY_AFTER)
                .expectScheduledDeadlineWithName(RETRY_AFTER.multipliedBy(2), PayoutSaga.RETRY_DEADLINE);
    }

    @Test
    void staffRestartTheTransferOfAPayoutLeftUnanswered() {
        provider.answers.add(TransferAnswer.paid("tr_1"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PayoutTransferRetried(PAYOUT, HOST, SMALL, ACCOUNT, ADA, NOW))
                .expectDispatchedCommands(new MarkPayoutPaid(PAYOUT, "tr_1", "transfer:" + PAYOUT));
    }

    @Test
    void aPaidPayoutEndsTheSagaAndItsRetries() {
        provider.answers.add(TransferAnswer.unanswered("timeout"));
        // The webhook saying the transfer was made arrives before the retry.
        fixture.givenAPublished(reserved()).andThenAPublished(opened()).andThenAPublished(PayoutTest.sent())
                .whenPublishingA(PayoutTest.paid())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aRejectionReturnsTheReservedFunds() {
        fixture.givenAPublished(reserved()).andThenAPublished(opened())
                .whenPublishingA(new PayoutRejected(PAYOUT, HOST, SMALL, ADA, "unusual", NOW))
                .expectDispatchedCommands(new ReturnPayoutFunds(WALLET, HOST, PAYOUT, "rejected", SMALL, PayoutFundsSource.RESERVED,
                        "rejected: unusual"))
                .expectActiveSagas(0);
    }

    @Test
    void aFailureReturnsTheFundsInTransitEvenWithoutARunningSaga() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PayoutFailed(PAYOUT, HOST, SMALL, "account_invalid", NOW))
                .expectDispatchedCommands(new ReturnPayoutFunds(WALLET, HOST, PAYOUT, "failed", SMALL, PayoutFundsSource.IN_TRANSIT,
                        "transfer failed: account_invalid"))
                .expectActiveSagas(0);
    }

    @Test
    void eachReversalIsReturnedUnderItsRunningTotal() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PayoutReversed(PAYOUT, HOST, Money.of(4000, "EUR"), Money.of(4000, "EUR"), "tr_1", NOW))
                .expectDispatchedCommands(new ReturnPayoutFunds(WALLET, HOST, PAYOUT, "reversed:4000", Money.of(4000, "EUR"),
                        PayoutFundsSource.PROVIDER, "transfer tr_1 reversed"));
    }

    static PayoutRequested opened() {
        return PayoutTest.requested(SMALL, 0);
    }

    static PayoutFundsReserved reserved() {
        return new PayoutFundsReserved(WALLET, HOST, PAYOUT, SMALL, ACCOUNT, List.of(), NOW);
    }

    /** A provider that answers from a script and remembers what it was asked: the saga's decisions are under test. */
    static final class ScriptedProvider implements PayoutProvider {
        final Deque<TransferAnswer> answers = new ArrayDeque<>();
        final List<TransferRequest> requests = new ArrayList<>();

        @Override
        public String name() {
            return "stripe";
        }

        @Override
        public ConnectedAccount openAccount(UserId hostId) {
            throw new UnsupportedOperationException("the saga opens no accounts");
        }

        @Override
        public String onboardingUrl(String accountId) {
            throw new UnsupportedOperationException("the saga onboards nobody");
        }

        @Override
        public TransferAnswer transfer(TransferRequest request) {
            requests.add(request);
            return answers.removeFirst();
        }
    }
}
