package app.soiree.command.payment;

import static app.soiree.command.payment.PaymentTest.AMOUNT;
import static app.soiree.command.payment.PaymentTest.BOOKING;
import static app.soiree.command.payment.PaymentTest.GATHERING;
import static app.soiree.command.payment.PaymentTest.GUEST;
import static app.soiree.command.payment.PaymentTest.HOST;
import static app.soiree.command.payment.PaymentTest.NOW;
import static app.soiree.command.payment.PaymentTest.PAYMENT;
import static app.soiree.command.payment.PaymentTest.captured;
import static app.soiree.command.payment.PaymentTest.requested;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.ConfirmSeats;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.ReleaseHold;
import app.soiree.api.gathering.SeatsConfirmation;
import app.soiree.api.gathering.TierId;
import app.soiree.api.payment.CapturePayment;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.RecordPaymentIntent;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPayment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingPaymentSagaTest {

    static final Duration RECONCILE_AFTER = Duration.ofSeconds(30);
    static final TierId TIER = new TierId(PaymentTest.id(7));

    private SagaTestFixture<BookingPaymentSaga> fixture;
    private ScriptedProvider provider;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BookingPaymentSaga.class);
        provider = new ScriptedProvider();
        fixture.registerResource(provider);
        fixture.registerResource(new PaymentsProperties("stripe", RECONCILE_AFTER, 3, Duration.ofSeconds(5)));
        fixture.withTransienceCheckDisabled();
        fixture.setCallbackBehavior((command, metadata) -> command instanceof ConfirmSeats ? SeatsConfirmation.CONFIRMED : null);
    }

    @Test
    void aCaptureConfirmsTheSeatsAndEnds() {
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenPublishingA(captured("evt_1"))
                .expectDispatchedCommands(new ConfirmSeats(GATHERING, BOOKING))
                .expectActiveSagas(0);
    }

    @Test
    void aCaptureWhoseSeatsAreGoneIsRefunded() {
        fixture.setCallbackBehavior((command, metadata) -> command instanceof ConfirmSeats ? SeatsConfirmation.NOT_PLACED : null);
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenPublishingA(captured("evt_1"))
                .expectDispatchedCommands(new ConfirmSeats(GATHERING, BOOKING), new RefundPayment(PAYMENT, RefundId.forBooking(BOOKING),
                        AMOUNT, "The payment arrived after the seats were no longer available"))
                .expectActiveSagas(0);
    }

    @Test
    void aCaptureAfterTheSagaEndedStartsAnotherSoItIsNotLost() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(captured("evt_1"))
                .expectDispatchedCommands(new ConfirmSeats(GATHERING, BOOKING))
                .expectActiveSagas(0);
    }

    @Test
    void aDeclineReleasesTheHoldAndEnds() {
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .whenPublishingA(new PaymentDeclined(PAYMENT, BOOKING, GATHERING, "card_declined", "evt_1", NOW))
                .expectDispatchedCommands(new ReleaseHold(GATHERING, BOOKING))
                .expectActiveSagas(0);
    }

    @Test
    void whenTheHoldExpiresFirstItAsksTheProviderAndCapturesWhatArrived() {
        provider.answers.add(ProviderPayment.succeeded("pi_1", AMOUNT, Money.of(103, "EUR")));
        fixture.givenAggregate(PAYMENT.toString()).published(requested(), intent())
                .whenPublishingA(expired())
                .expectDispatchedCommands(new CapturePayment(PAYMENT, "pi_1", AMOUNT, Money.of(103, "EUR"), "reconciliation:" + PAYMENT))
                .expectActiveSagas(1);
    }

    /** The usual way: the payment's first event named the intent, and the saga asks the provider about that intent. */
    @Test
    void whenTheHoldExpiresItAsksAboutTheIntentThePaymentWasRequestedWith() {
        provider.answers.add(ProviderPayment.succeeded("pi_1", AMOUNT, Money.of(103, "EUR")));
        fixture.givenAggregate(PAYMENT.toString())
                .published(new PaymentRequested(PAYMENT, BOOKING, GATHERING, HOST, GUEST, AMOUNT, "stripe", NOW, "pi_1"))
                .whenPublishingA(expired())
                .expectDispatchedCommands(new CapturePayment(PAYMENT, "pi_1", AMOUNT, Money.of(103, "EUR"), "reconciliation:" + PAYMENT));
        assertThat(provider.asked).containsExactly("retrieve pi_1");
    }

    @Test
    void whenTheHoldExpiresUnpaidItEndsAndLeavesLatePaymentsToANewSaga() {
        provider.answers.add(ProviderPayment.pending("pi_1", "secret"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested(), intent())
                .whenPublishingA(expired())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void whenTheProviderSaysItFailedTheFailureIsRecorded() {
        provider.answers.add(ProviderPayment.declined("pi_1", "declined: card_declined"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested(), intent())
                .whenPublishingA(expired())
                .expectDispatchedCommands(new DeclinePayment(PAYMENT, "declined: card_declined", "reconciliation:" + PAYMENT));
    }

    @Test
    void anUnansweredCreateIsAskedAgainLaterWithTheSameCreate() {
        provider.answers.add(ProviderPayment.pending("pi_1", "secret"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested(), new PaymentOutcomeUnknown(PAYMENT, "timeout", NOW))
                .whenTimeElapses(RECONCILE_AFTER)
                .expectDispatchedCommands(new RecordPaymentIntent(PAYMENT, "pi_1"))
                .expectActiveSagas(1);
    }

    @Test
    void asksAgainWithBackoffWhileTheProviderDoesNotAnswer() {
        provider.answers.add(ProviderPayment.unknown("timeout"));
        fixture.givenAggregate(PAYMENT.toString()).published(requested(), new PaymentOutcomeUnknown(PAYMENT, "timeout", NOW))
                .whenTimeElapses(RECONCILE_AFTER)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(RECONCILE_AFTER.multipliedBy(2), BookingPaymentSaga.RECONCILE_DEADLINE);
    }

    @Test
    void givesUpAfterTheLastAttemptAndEnds() {
        for (int i = 0; i < 4; i++) {
            provider.answers.add(ProviderPayment.unknown("timeout"));
        }
        fixture.givenAggregate(PAYMENT.toString()).published(requested(), new PaymentOutcomeUnknown(PAYMENT, "timeout", NOW))
                .whenTimeElapses(RECONCILE_AFTER.multipliedBy(1 + 2 + 4))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void endsWhenTheGuestGivesTheSeatsBackBeforePaying() {
        fixture.givenAggregate(PAYMENT.toString()).published(requested())
                .andThenAggregate(GATHERING.toString()).published(
                        new BookingCancelled(GATHERING, BOOKING, TIER, GUEST, 1, false, Money.zero(AMOUNT.currency()), NOW, false, null))
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectActiveSagas(0);
    }

    private static PaymentIntentCreated intent() {
        return new PaymentIntentCreated(PAYMENT, "stripe", "pi_1", NOW);
    }

    private static HoldExpired expired() {
        return new HoldExpired(GATHERING, BOOKING, TIER, GUEST, 1, NOW);
    }

    /** A provider that answers from a script: the saga's decisions are what is under test here. */
    static final class ScriptedProvider implements PaymentProvider {
        final Deque<ProviderPayment> answers = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public String name() {
            return "stripe";
        }

        @Override
        public ProviderPayment create(PaymentIntentRequest request) {
            asked.add("create " + request.paymentId());
            return answers.removeFirst();
        }

        @Override
        public ProviderPayment retrieve(String providerReference) {
            asked.add("retrieve " + providerReference);
            return answers.removeFirst();
        }
    }
}
