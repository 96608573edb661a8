package app.soiree.command.ledger;

import static app.soiree.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.AvailableFundsRecorded;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.promotion.PayForPromotion;
import app.soiree.api.promotion.PromotionId;
import app.soiree.api.promotion.PromotionLimits;
import app.soiree.api.promotion.PromotionPaid;
import app.soiree.api.promotion.PromotionRefunded;
import app.soiree.api.promotion.RefundPromotion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wallet pays for promotions from what is available, once each, and refunds the unused share of one once. */
class HostWalletPromotionTest {

    static final Instant NOW = Instant.parse("2026-12-20T09:00:00Z");
    static final UserId HOST = new UserId(new UUID(0, 1));
    static final HostWalletId WALLET = HostWalletId.forHost(HOST);
    static final GatheringId GATHERING = new GatheringId(new UUID(0, 7));
    static final PromotionId PROMOTION = new PromotionId(new UUID(0, 8));
    static final PromotionId OTHER_PROMOTION = new PromotionId(new UUID(0, 9));
    static final Instant FROM = NOW.plus(Duration.ofHours(1));
    static final Instant UNTIL = FROM.plus(Duration.ofHours(10));
    static final String AVAILABLE = "host:" + HOST + ":available";

    private AggregateTestFixture<HostWallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HostWallet.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void paysAPromotionFromWhatIsAvailableToThePlatformsPromotionRevenue() {
        fixture.given(funds(4720))
                .when(pay(PROMOTION, 1000))
                .expectEvents(paid(PROMOTION, 1000));
    }

    @Test
    void needsNoPayoutAccountToPay() {
        fixture.given(funds(1000))
                .when(pay(PROMOTION, 1000))
                .expectSuccessfulHandlerExecution()
                .expectEvents(paid(PROMOTION, 1000));
    }

    @Test
    void refusesAPromotionBeyondWhatIsAvailable() {
        fixture.given(funds(4720))
                .when(pay(PROMOTION, 4721))
                .expectException(refusedWith(ErrorCode.INSUFFICIENT_FUNDS))
                .expectNoEvents();
    }

    @Test
    void countsReservedPayoutsAndEarlierPromotionsAgainstWhatIsAvailable() {
        PayoutId payout = new PayoutId(new UUID(0, 2));
        fixture.given(funds(4720), new PayoutFundsReserved(WALLET, HOST, payout, eur(3000), "acct_1", List.of(
                        Posting.debit(AVAILABLE, eur(3000)), Posting.credit("host:" + HOST + ":reserved", eur(3000))), NOW),
                        paid(PROMOTION, 1000))
                .when(pay(OTHER_PROMOTION, 721))
                .expectException(refusedWith(ErrorCode.INSUFFICIENT_FUNDS));
    }

    @Test
    void refusesAPromotionForAWalletThatWasNeverCredited() {
        fixture.givenNoPriorActivity()
                .when(pay(PROMOTION, 100))
                .expectException(refusedWith(ErrorCode.INSUFFICIENT_FUNDS));
    }

    @Test
    void payingTheSamePromotionAgainChangesNothing() {
        fixture.given(funds(4720), paid(PROMOTION, 1000))
                .when(pay(PROMOTION, 1000))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSamePromotionWithAnotherBudgetIsAConflict() {
        fixture.given(funds(4720), paid(PROMOTION, 1000))
                .when(pay(PROMOTION, 1200))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
    }

    @Test
    void refusesABudgetBelowTheMinimumOrAWindowOutOfOrder() {
        fixture.given(funds(4720)).when(pay(PROMOTION, 99)).expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(funds(4720))
                .when(new PayForPromotion(WALLET, HOST, PROMOTION, GATHERING, eur(1000), UNTIL, FROM))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refundsEverythingWhenCancelledBeforeTheWindowOpens() {
        fixture.given(funds(4720), paid(PROMOTION, 1000))
                .when(new RefundPromotion(WALLET, HOST, PROMOTION, FROM.minusSeconds(1)))
                .expectEvents(refunded(PROMOTION, 1000, FROM.minusSeconds(1)));
    }

    @Test
    void refundsTheUnusedShareProRataWhenCancelledDuringTheWindow() {
        Instant threeHoursIn = FROM.plus(Duration.ofHours(3));
        fixture.given(funds(4720), paid(PROMOTION, 1000))
                .when(new RefundPromotion(WALLET, HOST, PROMOTION, threeHoursIn))
                .expectEvents(refunded(PROMOTION, 700, threeHoursIn));
    }

    @Test
    void roundsAFractionOfAMinorUnitUpInTheHostsFavour() {
        Instant aThirdIn = FROM.plus(Duration.ofMillis(Duration.ofHours(10).toMillis() / 3)); // 2/3 of 1001 = 667.33…
        fixture.given(funds(4720), paid(PROMOTION, 1001))
                .when(new RefundPromotion(WALLET, HOST, PROMOTION, aThirdIn))
                .expectEvents(refunded(PROMOTION, 668, aThirdIn));
    }

    @Test
    void refundsNothingWhenCancelledAfterTheWindowClosed() {
        fixture.given(funds(4720), paid(PROMOTION, 1000))
                .when(new RefundPromotion(WALLET, HOST, PROMOTION, UNTIL))
                .expectNoEvents();
    }

    @Test
    void refundsOnceHoweverOftenAsked() {
        fixture.given(funds(4720), paid(PROMOTION, 1000), refunded(PROMOTION, 1000, FROM))
                .when(new RefundPromotion(WALLET, HOST, PROMOTION, FROM))
                .expectNoEvents();
    }

    @Test
    void refundsOnlyThatPromotionAndTheRefundCountsAsAvailableAgain() {
        fixture.given(funds(1000), paid(PROMOTION, 1000), refunded(PROMOTION, 1000, FROM))
                .when(pay(OTHER_PROMOTION, 1000))
                .expectEvents(paid(OTHER_PROMOTION, 1000));
    }

    @Test
    void neverRefundsMoreThanWasPaid() {
        PaidPromotion paid = new PaidPromotion(GATHERING, eur(PromotionLimits.MAX_BUDGET_MINOR), FROM, FROM.plus(Duration.ofDays(90)));
        for (long minutes = 0; minutes <= Duration.ofDays(90).toMinutes(); minutes += 997) {
            Money unused = paid.unusedAt(FROM.plus(Duration.ofMinutes(minutes)));
            assertThat(unused.amountMinor()).isBetween(0L, PromotionLimits.MAX_BUDGET_MINOR);
        }
        assertThat(paid.unusedAt(FROM.minusSeconds(60)).amountMinor()).isEqualTo(PromotionLimits.MAX_BUDGET_MINOR);
        assertThat(paid.unusedAt(FROM.plusMillis(1)).amountMinor()).isEqualTo(PromotionLimits.MAX_BUDGET_MINOR);
    }

    @Test
    void refusesARefundOfAPromotionItNeverPaid() {
        fixture.given(funds(4720))
                .when(new RefundPromotion(WALLET, HOST, PROMOTION, FROM))
                .expectException(IllegalStateException.class);
    }

    static PayForPromotion pay(PromotionId promotion, long minor) {
        return new PayForPromotion(WALLET, HOST, promotion, GATHERING, eur(minor), FROM, UNTIL);
    }

    static PromotionPaid paid(PromotionId promotion, long minor) {
        return new PromotionPaid(WALLET, HOST, promotion, GATHERING, eur(minor), FROM, UNTIL,
                List.of(Posting.debit(AVAILABLE, eur(minor)), Posting.credit(LedgerAccounts.PROMOTIONS, eur(minor))), NOW);
    }

    static PromotionRefunded refunded(PromotionId promotion, long minor, Instant cancelledAt) {
        return new PromotionRefunded(WALLET, HOST, promotion, GATHERING, eur(minor), cancelledAt,
                List.of(Posting.debit(LedgerAccounts.PROMOTIONS, eur(minor)), Posting.credit(AVAILABLE, eur(minor))), NOW);
    }

    static AvailableFundsRecorded funds(long minor) {
        return new AvailableFundsRecorded(WALLET, HOST, "evt-release:EUR", "EarningsReleased", eur(minor), NOW);
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
