package app.soiree.command.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsFrozen;
import app.soiree.api.ledger.EarningsId;
import app.soiree.api.ledger.EarningsRecorded;
import app.soiree.api.ledger.EarningsReleaseScheduled;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.EarningsSettled;
import app.soiree.api.ledger.FreezeEarnings;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.RecordEarnings;
import app.soiree.api.ledger.ScheduleEarningsRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import app.soiree.command.FixtureClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatheringEarningsTest {

    private static final Instant NOW = Instant.parse("2026-12-25T00:00:00Z");
    private static final Duration WAIT = Duration.ofHours(48);
    private static final Instant RELEASE_AT = NOW.plus(WAIT);
    private static final GatheringId GATHERING = new GatheringId(id(1));
    private static final EarningsId EARNINGS = EarningsId.forGathering(GATHERING);
    private static final UserId HOST = new UserId(id(2));
    // Earnings are counted per event that posted them: these stand for event identifiers.
    private static final String ADA_PAYMENT = "event-ada-captured";
    private static final String GRACE_PAYMENT = "event-grace-captured";
    private static final String ADA_REFUND = "event-ada-refunded";
    private static final Money ADA_NET = Money.of(4720, "EUR");
    private static final Money GRACE_NET = Money.of(2345, "EUR");

    private AggregateTestFixture<GatheringEarnings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GatheringEarnings.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture == null ? NOW : fixture.currentTime()));
    }

    @Test
    void recordsAPaymentsNetAsTheFirstEarnings() {
        fixture.givenCurrentTime(NOW)
                .when(record(ADA_PAYMENT, ADA_NET))
                .expectEvents(recorded(ADA_PAYMENT, ADA_NET));
    }

    @Test
    void countsEachPaymentOnce() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .when(record(ADA_PAYMENT, ADA_NET))
                .expectNoEvents();
    }

    @Test
    void aRefundBeforeTheReleaseLowersWhatIsReleased() {
        Money refunded = Money.of(-1000, "EUR");
        Money total = ADA_NET.plus(refunded);
        given(recorded(ADA_PAYMENT, ADA_NET), recorded(ADA_REFUND, refunded))
                .andGivenCommands(schedule())
                .whenTimeElapses(WAIT.plusSeconds(1))
                .expectEvents(new EarningsReleased(GATHERING, HOST, total, List.of(
                        Posting.debit("host:" + HOST + ":pending", total),
                        Posting.credit("host:" + HOST + ":available", total)), RELEASE_AT));
    }

    @Test
    void aRefundAfterTheReleaseIsTakenFromAvailable() {
        Money refunded = Money.of(-1000, "EUR");
        given(recorded(ADA_PAYMENT, ADA_NET), new EarningsReleaseScheduled(EARNINGS, GATHERING, HOST, RELEASE_AT, NOW),
                released(ADA_NET))
                .when(record(ADA_REFUND, refunded))
                .expectEvents(recorded(ADA_REFUND, refunded), new EarningsSettled(EARNINGS, GATHERING, HOST, ADA_REFUND, refunded,
                        List.of(Posting.credit("host:" + HOST + ":pending", Money.of(1000, "EUR")),
                                Posting.debit("host:" + HOST + ":available", Money.of(1000, "EUR"))), NOW));
    }

    @Test
    void aCaptureAfterTheReleaseMovesOnToAvailable() {
        given(recorded(ADA_PAYMENT, ADA_NET), new EarningsReleaseScheduled(EARNINGS, GATHERING, HOST, RELEASE_AT, NOW),
                released(ADA_NET))
                .when(record(GRACE_PAYMENT, GRACE_NET))
                .expectEvents(recorded(GRACE_PAYMENT, GRACE_NET), new EarningsSettled(EARNINGS, GATHERING, HOST, GRACE_PAYMENT, GRACE_NET,
                        List.of(Posting.debit("host:" + HOST + ":pending", GRACE_NET),
                                Posting.credit("host:" + HOST + ":available", GRACE_NET)), NOW));
    }

    @Test
    void aNegativeTotalIsReleasedAsADebt() {
        Money lost = Money.of(-6220, "EUR"); // a dispute lost with its fee: more than the payment earned
        Money total = ADA_NET.plus(lost);
        given(recorded(ADA_PAYMENT, ADA_NET), recorded("event-dispute-lost", lost))
                .andGivenCommands(schedule())
                .whenTimeElapses(WAIT.plusSeconds(1))
                .expectEvents(new EarningsReleased(GATHERING, HOST, total, List.of(
                        Posting.debit("host:" + HOST + ":pending", total),
                        Posting.credit("host:" + HOST + ":available", total)), RELEASE_AT));
    }

    @Test
    void frozenEarningsFollowRefundsButAreNeverReleased() {
        given(recorded(ADA_PAYMENT, ADA_NET), frozen())
                .when(record(ADA_REFUND, ADA_NET.negated()))
                .expectEvents(recorded(ADA_REFUND, ADA_NET.negated()));
    }

    @Test
    void refusesANetInAnotherCurrency() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .when(record(GRACE_PAYMENT, Money.of(100, "USD")))
                .expectException(IllegalStateException.class);
    }

    @Test
    void schedulesTheReleaseWhenTheGatheringEnds() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .when(schedule())
                .expectEvents(new EarningsReleaseScheduled(EARNINGS, GATHERING, HOST, RELEASE_AT, NOW))
                .expectScheduledDeadlineWithName(RELEASE_AT, GatheringEarnings.RELEASE_DEADLINE);
    }

    @Test
    void schedulesTheReleaseOnlyOnce() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .andGivenCommands(schedule())
                .when(schedule())
                .expectNoEvents();
    }

    @Test
    void releasesEveryPaymentsNetFromPendingToAvailableWhenTheDeadlineComes() {
        Money total = ADA_NET.plus(GRACE_NET);
        given(recorded(ADA_PAYMENT, ADA_NET), recorded(GRACE_PAYMENT, GRACE_NET))
                .andGivenCommands(schedule())
                .whenTimeElapses(WAIT.plusSeconds(1))
                .expectEvents(new EarningsReleased(GATHERING, HOST, total, List.of(
                        Posting.debit("host:" + HOST + ":pending", total),
                        Posting.credit("host:" + HOST + ":available", total)), RELEASE_AT));
    }

    @Test
    void releasesNothingBeforeTheDeadline() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .andGivenCommands(schedule())
                .whenTimeElapses(WAIT.minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void releasesOnceHoweverLongTimeGoesOn() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .andGivenCommands(schedule(), schedule())
                .whenTimeElapses(WAIT.multipliedBy(10))
                .expectEvents(new EarningsReleased(GATHERING, HOST, ADA_NET, List.of(
                        Posting.debit("host:" + HOST + ":pending", ADA_NET),
                        Posting.credit("host:" + HOST + ":available", ADA_NET)), RELEASE_AT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void releasedEarningsAreNotScheduledAgain() {
        given(recorded(ADA_PAYMENT, ADA_NET), new EarningsReleaseScheduled(EARNINGS, GATHERING, HOST, RELEASE_AT, NOW),
                released(ADA_NET))
                .when(schedule())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aGatheringWithoutEarningsReleasesNothing() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule())
                .whenTimeElapses(WAIT.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void zeroEarningsReleaseNothing() {
        Money zero = Money.of(0, "EUR");
        given(recorded(ADA_PAYMENT, zero))
                .andGivenCommands(schedule())
                .whenTimeElapses(WAIT.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void freezesTheEarningsOfACancelledGathering() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .when(freeze())
                .expectEvents(frozen());
    }

    @Test
    void freezesEarningsThatWereNeverRecorded() {
        fixture.givenCurrentTime(NOW)
                .when(freeze())
                .expectEvents(frozen());
    }

    @Test
    void freezesOnlyOnce() {
        given(recorded(ADA_PAYMENT, ADA_NET), frozen())
                .when(freeze())
                .expectNoEvents();
    }

    @Test
    void frozenEarningsAreNeverScheduledForRelease() {
        given(recorded(ADA_PAYMENT, ADA_NET), frozen())
                .when(schedule())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void freezingAfterTheReleaseWasScheduledCancelsIt() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .andGivenCommands(schedule())
                .when(freeze())
                .expectEvents(frozen())
                .expectNoScheduledDeadlines();
    }

    @Test
    void earningsFrozenAfterSchedulingAreNeverReleased() {
        given(recorded(ADA_PAYMENT, ADA_NET))
                .andGivenCommands(schedule(), freeze())
                .whenTimeElapses(WAIT.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aPaymentCapturedAfterTheFreezeIsStillRecorded() {
        given(frozen())
                .when(record(ADA_PAYMENT, ADA_NET))
                .expectEvents(recorded(ADA_PAYMENT, ADA_NET));
    }

    @Test
    void releasedEarningsAreNotFrozen() {
        given(recorded(ADA_PAYMENT, ADA_NET), new EarningsReleaseScheduled(EARNINGS, GATHERING, HOST, RELEASE_AT, NOW),
                released(ADA_NET))
                .when(freeze())
                .expectNoEvents();
    }

    private TestExecutor<GatheringEarnings> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(List.of(events));
    }

    private static RecordEarnings record(String source, Money net) {
        return new RecordEarnings(EARNINGS, GATHERING, HOST, source, net);
    }

    private static EarningsRecorded recorded(String source, Money net) {
        return new EarningsRecorded(EARNINGS, GATHERING, HOST, source, net, NOW);
    }

    private static ScheduleEarningsRelease schedule() {
        return new ScheduleEarningsRelease(EARNINGS, GATHERING, HOST, RELEASE_AT);
    }

    private static FreezeEarnings freeze() {
        return new FreezeEarnings(EARNINGS, GATHERING, HOST, "Storm warning");
    }

    private static EarningsFrozen frozen() {
        return new EarningsFrozen(EARNINGS, GATHERING, HOST, "Storm warning", NOW);
    }

    private static EarningsReleased released(Money amount) {
        return new EarningsReleased(GATHERING, HOST, amount, List.of(Posting.debit("host:" + HOST + ":pending", amount),
                Posting.credit("host:" + HOST + ":available", amount)), RELEASE_AT);
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
