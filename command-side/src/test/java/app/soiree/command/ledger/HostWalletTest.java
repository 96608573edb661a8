package app.soiree.command.ledger;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.AvailableFundsRecorded;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.OpenPayoutAccount;
import app.soiree.api.payout.PayoutAccountOpened;
import app.soiree.api.payout.PayoutAccountStatusReported;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutFundsReturned;
import app.soiree.api.payout.PayoutFundsSource;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.RecordAvailableFunds;
import app.soiree.api.payout.ReportPayoutAccountStatus;
import app.soiree.api.payout.ReservePayoutFunds;
import app.soiree.api.payout.ReturnPayoutFunds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostWalletTest {

    static final Instant NOW = Instant.parse("2026-12-20T09:00:00Z");
    static final UserId HOST = new UserId(new UUID(0, 1));
    static final HostWalletId WALLET = HostWalletId.forHost(HOST);
    static final PayoutId PAYOUT = new PayoutId(new UUID(0, 2));
    static final PayoutId OTHER_PAYOUT = new PayoutId(new UUID(0, 3));
    static final String ACCOUNT = "acct_1Host";
    static final String AVAILABLE = "host:" + HOST + ":available";
    static final String RESERVED = "host:" + HOST + ":reserved";

    private AggregateTestFixture<HostWallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HostWallet.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void learnsOfReleasedEarningsOncePerSourceEvent() {
        fixture.given(funds("evt-release:EUR", 4720))
                .when(new RecordAvailableFunds(WALLET, HOST, "evt-release:EUR", "EarningsReleased", eur(4720)))
                .expectNoEvents();
    }

    @Test
    void reservesAPayoutThatFitsWhatIsAvailable() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720))
                .when(reserve(PAYOUT, 4720))
                .expectResultMessagePayload(ACCOUNT)
                .expectEvents(reserved(PAYOUT, 4720));
    }

    @Test
    void refusesAPayoutBeyondWhatIsAvailable() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720))
                .when(reserve(PAYOUT, 4721))
                .expectException(refusedWith(ErrorCode.INSUFFICIENT_FUNDS))
                .expectNoEvents();
    }

    @Test
    void countsEarlierReservationsAgainstWhatIsAvailable() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 3000))
                .when(reserve(OTHER_PAYOUT, 1721))
                .expectException(refusedWith(ErrorCode.INSUFFICIENT_FUNDS));
    }

    @Test
    void refusesEverythingWhileTheHostOwesMoney() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 1000), funds("evt-refund-settled:EUR", -1500))
                .when(reserve(PAYOUT, 1))
                .expectException(refusedWith(ErrorCode.INSUFFICIENT_FUNDS));
    }

    @Test
    void availableInOneCurrencyDoesNotPayAnother() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 10_000))
                .when(new ReservePayoutFunds(WALLET, HOST, PAYOUT, Money.of(100, "USD")))
                .expectException(refusedWith(ErrorCode.INSUFFICIENT_FUNDS));
    }

    @Test
    void refusesANonPositiveAmount() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720))
                .when(reserve(PAYOUT, 0))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720))
                .when(reserve(PAYOUT, -5))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesWithoutAPayoutAccount() {
        fixture.given(funds("evt-1:EUR", 4720))
                .when(reserve(PAYOUT, 100))
                .expectException(refusedWith(ErrorCode.PAYOUT_ACCOUNT_NOT_READY));
    }

    @Test
    void refusesWhileTheAccountIsStillOnboarding() {
        fixture.given(new PayoutAccountOpened(WALLET, HOST, "stripe", ACCOUNT, false, NOW), funds("evt-1:EUR", 4720))
                .when(reserve(PAYOUT, 100))
                .expectException(refusedWith(ErrorCode.PAYOUT_ACCOUNT_NOT_READY));
    }

    @Test
    void refusesOnceTheProviderDisabledTheAccount() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), report(false, NOW.plusSeconds(60)))
                .when(reserve(PAYOUT, 100))
                .expectException(refusedWith(ErrorCode.PAYOUT_ACCOUNT_NOT_READY));
    }

    @Test
    void theSameRequestAgainChangesNothingAndAnAmountChangeUnderTheSameIdIsRefused() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 1000))
                .when(reserve(PAYOUT, 1000))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 1000))
                .when(reserve(PAYOUT, 2000))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
    }

    @Test
    void returnsRejectedFundsFromReserved() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 3000))
                .when(giveBack("rejected", 3000, PayoutFundsSource.RESERVED))
                .expectEvents(returned("rejected", 3000, PayoutFundsSource.RESERVED,
                        List.of(Posting.debit(RESERVED, eur(3000)), Posting.credit(AVAILABLE, eur(3000)))));
    }

    @Test
    void returnsFailedFundsFromInTransitAndReversedOnesFromTheProvider() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 3000))
                .when(giveBack("failed", 3000, PayoutFundsSource.IN_TRANSIT))
                .expectEvents(returned("failed", 3000, PayoutFundsSource.IN_TRANSIT,
                        List.of(Posting.debit("platform:payouts-in-transit", eur(3000)), Posting.credit(AVAILABLE, eur(3000)))));
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 3000))
                .when(giveBack("reversed:1000", 1000, PayoutFundsSource.PROVIDER))
                .expectEvents(returned("reversed:1000", 1000, PayoutFundsSource.PROVIDER,
                        List.of(Posting.debit("platform:stripe", eur(1000)), Posting.credit(AVAILABLE, eur(1000)))));
    }

    @Test
    void returnedFundsCanBePaidOutAgain() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 4720),
                        returned("rejected", 4720, PayoutFundsSource.RESERVED, List.of()))
                .when(reserve(OTHER_PAYOUT, 4720))
                .expectEvents(reserved(OTHER_PAYOUT, 4720));
    }

    @Test
    void returnsEachReturnOnceAndNeverMoreThanWasReserved() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 3000),
                        returned("rejected", 3000, PayoutFundsSource.RESERVED, List.of()))
                .when(giveBack("rejected", 3000, PayoutFundsSource.RESERVED))
                .expectNoEvents();
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720), reserved(PAYOUT, 3000),
                        returned("reversed:2000", 2000, PayoutFundsSource.PROVIDER, List.of()))
                .when(giveBack("reversed:3001", 1001, PayoutFundsSource.PROVIDER))
                .expectException(IllegalStateException.class);
    }

    @Test
    void neverReturnsAPayoutItDidNotReserve() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 4720))
                .when(giveBack("rejected", 100, PayoutFundsSource.RESERVED))
                .expectException(IllegalStateException.class);
    }

    @Test
    void keepsTheFirstAccountItRecorded() {
        fixture.given(enabledAccount())
                .when(new OpenPayoutAccount(WALLET, HOST, "stripe", "acct_2Other", false))
                .expectResultMessagePayload(ACCOUNT)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OpenPayoutAccount(WALLET, HOST, "simulated", ACCOUNT, true))
                .expectResultMessagePayload(ACCOUNT)
                .expectEvents(enabledAccount());
    }

    @Test
    void aStatusReportMayArriveBeforeTheAccountIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new ReportPayoutAccountStatus(WALLET, HOST, "stripe", ACCOUNT, true, NOW.minusSeconds(5), "evt_a"))
                .expectEvents(new PayoutAccountOpened(WALLET, HOST, "stripe", ACCOUNT, true, NOW), report(true, NOW.minusSeconds(5)));
    }

    @Test
    void anOlderReportArrivingLateChangesNothing() {
        fixture.given(onboarding(), report(true, NOW.minusSeconds(5)))
                .when(new ReportPayoutAccountStatus(WALLET, HOST, "stripe", ACCOUNT, false, NOW.minusSeconds(10), "evt_old"))
                .expectNoEvents();
        fixture.given(onboarding(), report(false, NOW.minusSeconds(5)))
                .when(new ReportPayoutAccountStatus(WALLET, HOST, "stripe", ACCOUNT, true, NOW.minusSeconds(1), "evt_new"))
                .expectEvents(new PayoutAccountStatusReported(WALLET, HOST, ACCOUNT, true, NOW.minusSeconds(1), "evt_new", NOW));
    }

    @Test
    void reportsAboutAnotherAccountAreIgnored() {
        fixture.given(onboarding())
                .when(new ReportPayoutAccountStatus(WALLET, HOST, "stripe", "acct_9Else", true, NOW, "evt_x"))
                .expectNoEvents();
    }

    @Test
    void refusalsAreSoireeExceptionsThatCarryTheirCode() {
        fixture.given(enabledAccount(), funds("evt-1:EUR", 10))
                .when(reserve(PAYOUT, 11))
                .expectException(SoireeException.class);
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    static AvailableFundsRecorded funds(String source, long minor) {
        return new AvailableFundsRecorded(WALLET, HOST, source, "EarningsReleased", eur(minor), NOW);
    }

    static PayoutAccountOpened enabledAccount() {
        return new PayoutAccountOpened(WALLET, HOST, "simulated", ACCOUNT, true, NOW);
    }

    static PayoutAccountOpened onboarding() {
        return new PayoutAccountOpened(WALLET, HOST, "stripe", ACCOUNT, false, NOW);
    }

    static PayoutAccountStatusReported report(boolean enabled, Instant observedAt) {
        return new PayoutAccountStatusReported(WALLET, HOST, ACCOUNT, enabled, observedAt, "evt_a", NOW);
    }

    static ReservePayoutFunds reserve(PayoutId payout, long minor) {
        return new ReservePayoutFunds(WALLET, HOST, payout, eur(minor));
    }

    static PayoutFundsReserved reserved(PayoutId payout, long minor) {
        return new PayoutFundsReserved(WALLET, HOST, payout, eur(minor), ACCOUNT,
                List.of(Posting.debit(AVAILABLE, eur(minor)), Posting.credit(RESERVED, eur(minor))), NOW);
    }

    static ReturnPayoutFunds giveBack(String returnId, long minor, PayoutFundsSource from) {
        return new ReturnPayoutFunds(WALLET, HOST, PAYOUT, returnId, eur(minor), from, "because");
    }

    static PayoutFundsReturned returned(String returnId, long minor, PayoutFundsSource from, List<Posting> postings) {
        return new PayoutFundsReturned(WALLET, HOST, PAYOUT, returnId, eur(minor), from, "because", postings, NOW);
    }
}
