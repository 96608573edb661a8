package app.soiree.query.ledger;

import static app.soiree.query.ledger.LedgerFixtures.T0;
import static app.soiree.query.ledger.LedgerFixtures.captured;
import static app.soiree.query.ledger.LedgerFixtures.message;
import static app.soiree.query.ledger.LedgerFixtures.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.AccountBalanceView;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.FindTrialBalancePage;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.LedgerEntryView;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.TrialBalancePage;
import app.soiree.api.ledger.TrialBalanceView;
import app.soiree.api.ledger.WalletBalanceView;
import app.soiree.api.ledger.WalletEntryView;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import app.soiree.query.ProjectionTest;
import app.soiree.query.paging.PageResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LedgerTest extends ProjectionTest {

    @Autowired
    LedgerController ledger;
    @Autowired
    WalletController wallets;
    @Autowired
    LedgerQueries ledgerQueries;

    final UserId host = UserId.random();
    final UserId guest = UserId.random();

    @Test
    void journalsEveryPostingOfAMoneyEventWithItsEventActorAndReference() {
        PaymentCaptured captured = captured(host, 2500, "EUR");
        EventMessage<?> message = message(captured, T0, guest);

        events.deliver(LedgerProjection.PROCESSING_GROUP, message);

        List<LedgerEntryView> entries = ledger.accountEntries(LedgerAccounts.hostPending(host), null, null, null, null).items();
        assertThat(entries).containsExactly(new LedgerEntryView(message.getIdentifier() + ":1", T0, LedgerAccounts.hostPending(host),
                Money.of(-2345, "EUR"), message.getIdentifier(), "PaymentCaptured", guest.toString(), "payment:" + captured.paymentId()));
        assertThat(jdbc.sql("select count(*) from ledger_entries where event_id = ?").param(message.getIdentifier()).query(Long.class)
                .single()).isEqualTo(3);
        assertThat(jdbc.sql("select distinct global_index from ledger_entries").query(Long.class).list()).hasSize(1);
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        EventMessage<?> message = message(captured(host, 2500, "EUR"), T0, guest);

        events.deliver(LedgerProjection.PROCESSING_GROUP, message);
        events.deliver(LedgerProjection.PROCESSING_GROUP, message);

        assertThat(jdbc.sql("select count(*) from ledger_entries").query(Long.class).single()).isEqualTo(3);
        assertThat(wallets.wallet(hostActor(host)).value().balances().getFirst().pending()).isEqualTo(Money.of(2345, "EUR"));
    }

    @Test
    void refusesPostingsThatDoNotBalanceAndWritesNoneOfThem() {
        PaymentCaptured unbalanced = new PaymentCaptured(PaymentId.forBooking(BookingId.random()), BookingId.random(), GatheringId.random(),
                host, guest, Money.of(2500, "EUR"), Money.of(155, "EUR"), null,
                List.of(Posting.debit(LedgerAccounts.PROVIDER_CASH, Money.of(2500, "EUR")),
                        Posting.credit(LedgerAccounts.hostPending(host), Money.of(2345, "EUR"))),
                "sim_pi_1", "sim_evt_1", T0);

        assertThatThrownBy(() -> events.deliver(LedgerProjection.PROCESSING_GROUP, message(unbalanced, T0, guest)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not balance");
        assertThat(jdbc.sql("select count(*) from ledger_entries").query(Long.class).single()).isZero();
    }

    @Test
    void theTrialBalanceSumsDebitsAndCreditsPerAccountAndCurrencyAndBalances() {
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2500, "EUR"), T0, guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 1000, "EUR"), T0.plusSeconds(60), guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2000, "USD"), T0.plusSeconds(120), null));

        TrialBalanceView balance = ledger.trialBalance(T0.plusSeconds(3600));

        assertThat(balance.balanced()).isTrue();
        assertThat(balance.accounts()).extracting(AccountBalanceView::account, AccountBalanceView::currency).containsExactly(
                org.assertj.core.groups.Tuple.tuple("host:" + host + ":pending", "EUR"),
                org.assertj.core.groups.Tuple.tuple("host:" + host + ":pending", "USD"),
                org.assertj.core.groups.Tuple.tuple("platform:fees", "EUR"),
                org.assertj.core.groups.Tuple.tuple("platform:fees", "USD"),
                org.assertj.core.groups.Tuple.tuple("platform:stripe", "EUR"),
                org.assertj.core.groups.Tuple.tuple("platform:stripe", "USD"));
        AccountBalanceView cash = balance.accounts().get(4);
        assertThat(cash.debits()).isEqualTo(Money.of(3500, "EUR"));
        assertThat(cash.credits()).isEqualTo(Money.of(0, "EUR"));
        assertThat(cash.balance()).isEqualTo(Money.of(3500, "EUR"));
        AccountBalanceView owed = balance.accounts().getFirst();
        assertThat(owed.debits()).isEqualTo(Money.of(0, "EUR"));
        assertThat(owed.credits()).isEqualTo(Money.of(2345 + 920, "EUR"));
        assertThat(owed.balance()).isEqualTo(Money.of(-(2345 + 920), "EUR"));
    }

    @Test
    void theRunningBalancesAreTheJournalSummedUpAndAnswerTheTrialBalanceOfNow() {
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2500, "EUR"), T0, guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(released(host, 2345, "EUR"), T0.plusSeconds(60), null));
        EventMessage<?> redelivered = message(captured(host, 1000, "USD"), T0.plusSeconds(120), guest);
        events.deliver(LedgerProjection.PROCESSING_GROUP, redelivered);
        events.deliver(LedgerProjection.PROCESSING_GROUP, redelivered);

        List<AccountTotals> running = jdbc.sql("select account, currency, debits, credits from ledger_balances order by account, currency")
                .query(LedgerTest::totals).list();
        List<AccountTotals> summed = jdbc.sql("""
                        select account, currency,
                               coalesce(sum(amount) filter (where amount > 0), 0) as debits,
                               coalesce(-sum(amount) filter (where amount < 0), 0) as credits
                        from ledger_entries group by account, currency order by account, currency""")
                .query(LedgerTest::totals).list();
        assertThat(running).hasSize(7).isEqualTo(summed);
        assertThat(running).contains(new AccountTotals(LedgerAccounts.hostPending(host), "EUR", 2345, 2345));

        TrialBalanceView now = ledger.trialBalance(null);
        TrialBalanceView atTheLastEntry = ledger.trialBalance(T0.plusSeconds(120));
        TrialBalanceView justBefore = ledger.trialBalance(T0.plusSeconds(120).minusMillis(1));
        assertThat(now.accounts()).isEqualTo(atTheLastEntry.accounts()).hasSize(7);
        assertThat(now.balanced()).isTrue();
        assertThat(justBefore.accounts()).extracting(AccountBalanceView::currency).containsOnly("EUR");
    }

    @Test
    void aTrialBalanceAsOfAPastMomentLeavesOutWhatCameLater() {
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2500, "EUR"), T0, guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 1000, "EUR"), T0.plusSeconds(60), guest));

        TrialBalanceView before = ledger.trialBalance(T0.plusSeconds(59));
        TrialBalanceView nothingYet = ledger.trialBalance(T0.minusMillis(1));

        assertThat(before.accounts()).filteredOn(account -> account.account().equals(LedgerAccounts.PROVIDER_CASH))
                .singleElement().extracting(AccountBalanceView::debits).isEqualTo(Money.of(2500, "EUR"));
        assertThat(before.asOf()).isEqualTo(T0.plusSeconds(59));
        assertThat(nothingYet.accounts()).isEmpty();
        assertThat(nothingYet.balanced()).isTrue();
    }

    @Test
    void theTrialBalanceComesAPageAtATimeFilteredWithTheWholeLedgersTotalsOnEveryPageNowAndInThePast() {
        UserId other = UserId.random();
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2500, "EUR"), T0, guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(other, 1000, "EUR"), T0.plusSeconds(60), guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2000, "USD"), T0.plusSeconds(120), null));

        for (Instant asOf : List.of(T0.plusSeconds(3600), T0.plusSeconds(90))) {
            TrialBalanceView whole = ledger.trialBalance(asOf);
            List<AccountBalanceView> paged = new ArrayList<>();
            String cursor = null;
            do {
                TrialBalancePage page = ledgerQueries.handle(new FindTrialBalancePage(asOf, null, cursor, 2));
                assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
                assertThat(page.balanced()).isTrue();
                assertThat(page.totals()).allSatisfy(total -> assertThat(total.debits()).isEqualTo(total.credits()));
                paged.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(paged).as("as of %s", asOf).isEqualTo(whole.accounts());
        }

        TrialBalancePage ofHost = ledgerQueries.handle(new FindTrialBalancePage(T0.plusSeconds(3600), " " + host.toString().toUpperCase() + " ",
                null, 10));
        assertThat(ofHost.items()).extracting(AccountBalanceView::account).containsOnly(LedgerAccounts.hostPending(host)).hasSize(2);
        assertThat(ofHost.totals()).extracting(total -> total.currency() + " " + total.debits().amountMinor())
                .containsExactly("EUR 3500", "USD 2000");
        assertThat(ledgerQueries.handle(new FindTrialBalancePage(T0.plusSeconds(3600), "100%_", null, 10)).items()).isEmpty();
        assertThatThrownBy(() -> ledgerQueries.handle(new FindTrialBalancePage(T0, null, "not a cursor!", 10)))
                .isInstanceOf(SoireeException.class);
    }

    @Test
    void anAccountStatementIsPagedOldestFirstWithinItsWindow() {
        for (int i = 0; i < 5; i++) {
            events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 1000 + i, "EUR"), T0.plusSeconds(i), guest));
        }

        PageResponse<LedgerEntryView> first = ledger.accountEntries(LedgerAccounts.PROVIDER_CASH, null, null, null, 2);
        PageResponse<LedgerEntryView> second = ledger.accountEntries(LedgerAccounts.PROVIDER_CASH, null, null, first.nextCursor(), 2);
        PageResponse<LedgerEntryView> third = ledger.accountEntries(LedgerAccounts.PROVIDER_CASH, null, null, second.nextCursor(), 2);
        PageResponse<LedgerEntryView> window = ledger.accountEntries(LedgerAccounts.PROVIDER_CASH, T0.plusSeconds(1), T0.plusSeconds(3), null, null);

        List<LedgerEntryView> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        all.addAll(third.items());
        assertThat(all).extracting(entry -> entry.amount().amountMinor()).containsExactly(1000L, 1001L, 1002L, 1003L, 1004L);
        assertThat(third.nextCursor()).isNull();
        assertThat(window.items()).extracting(LedgerEntryView::occurredAt).containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
    }

    @Test
    void refusesABadCursorOrLimitAsInvalidInput() {
        assertThatThrownBy(() -> ledger.accountEntries(LedgerAccounts.PLATFORM_FEES, null, null, "%%%", null))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> wallets.entries(hostActor(host), null, 0))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aHostsWalletShowsWhatThePlatformOwesThemPerCurrency() {
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2500, "EUR"), T0, guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(released(host, 2345, "EUR"), T0.plusSeconds(60), null));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 1000, "EUR"), T0.plusSeconds(120), guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2000, "USD"), T0.plusSeconds(180), guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(UserId.random(), 9000, "EUR"), T0.plusSeconds(240), guest));

        List<WalletBalanceView> balances = wallets.wallet(hostActor(host)).value().balances();

        assertThat(balances).containsExactly(
                new WalletBalanceView("EUR", Money.of(920, "EUR"), Money.of(2345, "EUR"), Money.of(0, "EUR"), Money.of(0, "EUR")),
                new WalletBalanceView("USD", Money.of(1870, "USD"), Money.of(0, "USD"), Money.of(0, "USD"), Money.of(0, "USD")));
        assertThat(wallets.wallet(hostActor(UserId.random())).value().balances()).isEmpty();
    }

    @Test
    void aHostsWalletEntriesAreTheirOwnNewestFirstAsTheySeeThem() {
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(host, 2500, "EUR"), T0, guest));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(released(host, 2345, "EUR"), T0.plusSeconds(60), null));
        events.deliver(LedgerProjection.PROCESSING_GROUP, message(captured(UserId.random(), 9000, "EUR"), T0.plusSeconds(120), guest));

        PageResponse<WalletEntryView> first = wallets.entries(hostActor(host), null, 2);
        PageResponse<WalletEntryView> rest = wallets.entries(hostActor(host), first.nextCursor(), 2);

        List<WalletEntryView> all = new ArrayList<>(first.items());
        all.addAll(rest.items());
        assertThat(all).extracting(WalletEntryView::account, entry -> entry.amount().amountMinor(), WalletEntryView::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LedgerAccounts.hostAvailable(host), 2345L, "Earnings released"),
                org.assertj.core.groups.Tuple.tuple(LedgerAccounts.hostPending(host), -2345L, "Earnings released"),
                org.assertj.core.groups.Tuple.tuple(LedgerAccounts.hostPending(host), 2345L, "Payment captured"));
        assertThat(rest.nextCursor()).isNull();
    }

    @Test
    void eventTypesReadAsWords() {
        assertThat(LedgerQueries.inWords("PaymentCaptured")).isEqualTo("Payment captured");
        assertThat(LedgerQueries.inWords("EarningsReleased")).isEqualTo("Earnings released");
    }

    private static AccountTotals totals(ResultSet row, int number) throws SQLException {
        return new AccountTotals(row.getString("account"), row.getString("currency"), row.getLong("debits"), row.getLong("credits"));
    }

    record AccountTotals(String account, String currency, long debits, long credits) {
    }

    private static Actor hostActor(UserId host) {
        return new Actor(host, Set.of(Role.GUEST, Role.HOST));
    }
}
