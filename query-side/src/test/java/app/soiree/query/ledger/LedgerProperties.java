package app.soiree.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.AccountBalanceView;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.FindTrialBalance;
import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.LedgerReplayView;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.StartLedgerReplay;
import app.soiree.api.ledger.TrialBalanceView;
import app.soiree.api.ledger.WalletBalanceView;
import app.soiree.api.ledger.WalletView;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundId;
import app.soiree.query.ProjectionTables;
import app.soiree.query.ledger.LedgerReplayStore.BalanceKey;
import app.soiree.query.web.RenderedJson;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's invariants under random sequences of money movements, some delivered twice as a
 * tracking processor may: the journal and running balances in a real PostgreSQL, fed by the
 * projection's own handler, and a replay over the same stream. Whatever the sequence, the trial
 * balance balances now and at any earlier moment and equals the postings summed up, every wallet is
 * its host's journal entries summed up (also as answered from {@link WalletAnswers}, remembered for an
 * hour, after every event), and two replays reproduce every balance with the same digest.
 *
 * <p>Captures, releases and refunds are the real events; disputes and payouts do not post money
 * here yet, and test-only events with the postings docs/money-lifecycle.md gives them stand in.
 */
class LedgerProperties {

    private static final List<UserId> HOSTS = List.of(new UserId(new UUID(1, 1)), new UserId(new UUID(1, 2)), new UserId(new UUID(1, 3)));
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");
    private static final Instant START = Instant.parse("2026-11-21T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedPostgres postgres;
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static LedgerProjection projection;
    private static WalletAnswers walletAnswers;
    private static LedgerQueries queries;
    private static LedgerReplayStore replayStore;

    @BeforeContainer
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8").start();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/query").load().migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(transactions);
        queries = new LedgerQueries(jdbc, transactions);
        replayStore = new LedgerReplayStore(jdbc, transactions);
    }

    @AfterContainer
    static void stopPostgres() throws IOException {
        dataSource.close();
        postgres.close();
    }

    @BeforeTry
    void emptyLedger() {
        jdbc.execute(ProjectionTables.truncate(table -> table.startsWith("ledger_")));
        // Remembered long, so that only the projection's forgetting can bring an answer up to date.
        walletAnswers = new WalletAnswers(Duration.ofHours(1));
        projection = new LedgerProjection(jdbc, walletAnswers);
    }

    @Property(tries = 150)
    void theLedgerBalancesWalletsAreTheirJournalAndReplaysReproduceEveryBalance(@ForAll("movements") List<Movement> movements,
                                                                               @ForAll @IntRange(min = 0, max = 60) int pastMoment)
            throws InterruptedException {
        Model model = new Model();
        List<EventMessage<?>> messages = new ArrayList<>();
        Map<String, Boolean> redelivered = new HashMap<>();
        Instant at = START;
        for (Movement movement : movements) {
            at = at.plusSeconds(movement.secondsLater());
            Object payload = movement.event(model);
            if (payload == null) {
                continue;
            }
            if (payload instanceof LedgerEvent moneyEvent) {
                model.add(at, moneyEvent.postings());
            }
            EventMessage<?> message = LedgerFixtures.message(payload, at, null);
            messages.add(message);
            redelivered.put(message.getIdentifier(), movement.deliveredTwice());
        }

        Statistics.label("events").collect(messages.size() < 10 ? "fewer than 10" : messages.size() < 20 ? "10 to 19" : "20 or more");
        try (TestStream stream = new TestStream()) {
            stream.append(messages.toArray(EventMessage<?>[]::new));
            for (TrackedEventMessage<?> stored : stream.stored()) {
                journal(stored);
                if (redelivered.get(stored.getIdentifier())) {
                    journal(stored);
                }
                for (UserId host : HOSTS) {
                    assertThat(rememberedWallet(host)).isEqualTo(walletFromTheJournal(host));
                }
            }

            TrialBalanceView now = queries.handle(new FindTrialBalance(at.plusSeconds(3600)));
            assertThat(now.balanced()).isTrue();
            assertThat(totals(now)).isEqualTo(model.totalsUpTo(Instant.MAX));

            Instant asOf = START.plusSeconds(pastMoment);
            TrialBalanceView then = queries.handle(new FindTrialBalance(asOf));
            assertThat(then.balanced()).isTrue();
            assertThat(totals(then)).isEqualTo(model.totalsUpTo(asOf));

            for (UserId host : HOSTS) {
                assertThat(queries.handle(new FindWallet(host))).isEqualTo(walletFromTheJournal(host));
            }

            LedgerReplayView replay = replay(stream);
            LedgerReplayView again = replay(stream);
            assertThat(replay.status()).isEqualTo(LedgerReplayView.COMPLETED);
            assertThat(replay.matches()).isTrue();
            assertThat(replay.differences()).isEmpty();
            assertThat(replay.eventsTotal()).isEqualTo(messages.size());
            assertThat(replay.eventsProcessed()).isEqualTo(messages.size());
            assertThat(replay.digest()).isEqualTo(model.digest());
            assertThat(again.matches()).isTrue();
            assertThat(again.digest()).isEqualTo(replay.digest());
        }
    }

    /** As the tracking processor delivers a money event: one transaction, with the event's position. */
    private static void journal(TrackedEventMessage<?> stored) {
        if (stored.getPayload() instanceof LedgerEvent moneyEvent) {
            transaction.executeWithoutResult(status -> projection.on(moneyEvent, stored, stored.trackingToken()));
        }
    }

    /** As {@code GET /api/me/wallet} answers: read and rendered once, then remembered until the host's accounts move. */
    private static WalletView rememberedWallet(UserId host) {
        return walletAnswers.of(host, asked -> RenderedJson.of(JSON, queries.handle(new FindWallet(asked)))).value();
    }

    /** Replays on the calling thread (the worker runs what it is given at once). */
    private static LedgerReplayView replay(TestStream stream) throws InterruptedException {
        LedgerReplays replays = new LedgerReplays(stream.store(), replayStore,
                new LedgerReplayProperties(7, Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC(), Runnable::run);
        try {
            UUID replayId = replays.handle(new StartLedgerReplay(UUID.randomUUID(), "finance"));
            return replayStore.find(replayId).orElseThrow();
        } finally {
            replays.destroy();
        }
    }

    private static Map<BalanceKey, Totals> totals(TrialBalanceView trialBalance) {
        Map<BalanceKey, Totals> totals = new TreeMap<>(Model.ORDER);
        for (AccountBalanceView account : trialBalance.accounts()) {
            assertThat(account.balance()).isEqualTo(account.debits().minus(account.credits()));
            totals.put(new BalanceKey(account.account(), account.currency()),
                    new Totals(account.debits().amountMinor(), account.credits().amountMinor()));
        }
        return totals;
    }

    /** The host's entries in the journal, summed per currency and account, as the host sees them (credits owed to them). */
    private static WalletView walletFromTheJournal(UserId host) {
        Map<String, Map<String, Long>> owed = new TreeMap<>();
        List<String> accounts = List.of(LedgerAccounts.hostPending(host), LedgerAccounts.hostAvailable(host), LedgerAccounts.hostReserved(host),
                LedgerAccounts.hostDisputeHold(host));
        jdbc.query("select account, currency, amount from ledger_entries where account like ?", (ResultSet row) -> {
            owed.computeIfAbsent(row.getString("currency"), currency -> new HashMap<>())
                    .merge(row.getString("account"), -row.getLong("amount"), Long::sum);
        }, "host:" + host + ":%");
        return new WalletView(owed.entrySet().stream().map(currency -> {
            Map<String, Long> byAccount = currency.getValue();
            assertThat(accounts).containsAll(byAccount.keySet());
            String code = currency.getKey();
            return new WalletBalanceView(code, Money.of(byAccount.getOrDefault(accounts.get(0), 0L), code),
                    Money.of(byAccount.getOrDefault(accounts.get(1), 0L), code), Money.of(byAccount.getOrDefault(accounts.get(2), 0L), code),
                    Money.of(byAccount.getOrDefault(accounts.get(3), 0L), code));
        }).toList());
    }

    /** Something that happens to a host's money; {@code event} is null when there is nothing to move. */
    sealed interface Movement permits Capture, Release, Refund, DisputeHold, PayoutReserve, Noise {

        int host();

        String currency();

        int secondsLater();

        boolean deliveredTwice();

        @Nullable Object event(Model model);
    }

    /** A payment captured: fee 5 % + 30 (at most the gross), optionally a provider fee out of the platform's cash. */
    record Capture(int host, String currency, int secondsLater, boolean deliveredTwice, long gross, int providerFeePercent)
            implements Movement {
        @Override
        public Object event(Model model) {
            UserId hostId = HOSTS.get(host);
            Money amount = Money.of(gross, currency);
            Money fee = Money.of(Math.min(gross, (gross * 5 + 50) / 100 + 30), currency);
            Money providerFee = Money.of(gross * providerFeePercent / 100, currency);
            List<Posting> postings = new ArrayList<>(List.of(Posting.debit(LedgerAccounts.PROVIDER_CASH, amount),
                    Posting.credit(LedgerAccounts.hostPending(hostId), amount.minus(fee)), Posting.credit(LedgerAccounts.PLATFORM_FEES, fee)));
            if (!providerFee.isZero()) {
                postings.add(Posting.debit(LedgerAccounts.PROVIDER_FEES, providerFee));
                postings.add(Posting.credit(LedgerAccounts.PROVIDER_CASH, providerFee));
            }
            BookingId bookingId = BookingId.random();
            return new PaymentCaptured(PaymentId.forBooking(bookingId), bookingId, GatheringId.random(), hostId, UserId.random(), amount, fee,
                    providerFee.isZero() ? null : providerFee, postings, "sim_pi", "sim_evt_" + UUID.randomUUID(), START);
        }
    }

    /** A share of what is pending becomes available, as when a gathering has ended. */
    record Release(int host, String currency, int secondsLater, boolean deliveredTwice, int percent) implements Movement {
        @Override
        public @Nullable Object event(Model model) {
            UserId hostId = HOSTS.get(host);
            Money amount = model.owedShare(LedgerAccounts.hostPending(hostId), currency, percent);
            return amount.isZero() ? null : new EarningsReleased(GatheringId.random(), hostId, amount,
                    List.of(Posting.debit(LedgerAccounts.hostPending(hostId), amount), Posting.credit(LedgerAccounts.hostAvailable(hostId), amount)),
                    START);
        }
    }

    /**
     * A refund confirmed by the provider, as the payment books it: the guest gets a share of what is
     * pending back from the platform's cash, plus the platform's fee on it.
     */
    record Refund(int host, String currency, int secondsLater, boolean deliveredTwice, int percent) implements Movement {
        @Override
        public @Nullable Object event(Model model) {
            UserId hostId = HOSTS.get(host);
            Money hostShare = model.owedShare(LedgerAccounts.hostPending(hostId), currency, percent);
            Money fromFees = Money.of(hostShare.amountMinor() * 5 / 100, currency);
            Money refunded = hostShare.plus(fromFees);
            BookingId bookingId = BookingId.random();
            return hostShare.isZero() ? null : new PaymentRefunded(PaymentId.forBooking(bookingId), new RefundId(UUID.randomUUID()), bookingId,
                    GatheringId.random(), hostId, UserId.random(), refunded, hostShare,
                    List.of(Posting.credit(LedgerAccounts.PROVIDER_CASH, refunded), Posting.debit(LedgerAccounts.hostPending(hostId), hostShare),
                            Posting.debit(LedgerAccounts.PLATFORM_FEES, fromFees)),
                    "sim_re", "sim_evt_" + UUID.randomUUID(), START);
        }
    }

    /**
     * A dispute opened (docs/money-lifecycle.md): the provider withdraws the amount and its fee, and
     * the host's share of what is pending is held.
     */
    record DisputeHold(int host, String currency, int secondsLater, boolean deliveredTwice, int percent) implements Movement {
        @Override
        public @Nullable Object event(Model model) {
            UserId hostId = HOSTS.get(host);
            Money held = model.owedShare(LedgerAccounts.hostPending(hostId), currency, percent);
            Money withdrawn = held.plus(Money.of(15, currency));
            return held.isZero() ? null : new DisputeOpened(hostId, List.of(Posting.credit(LedgerAccounts.PROVIDER_CASH, withdrawn),
                    Posting.debit(LedgerAccounts.DISPUTES, withdrawn), Posting.debit(LedgerAccounts.hostPending(hostId), held),
                    Posting.credit(LedgerAccounts.hostDisputeHold(hostId), held)));
        }
    }

    /** A payout reserves a share of what is available. */
    record PayoutReserve(int host, String currency, int secondsLater, boolean deliveredTwice, int percent) implements Movement {
        @Override
        public @Nullable Object event(Model model) {
            UserId hostId = HOSTS.get(host);
            Money amount = model.owedShare(LedgerAccounts.hostAvailable(hostId), currency, percent);
            return amount.isZero() ? null : new PayoutReserved(hostId, List.of(Posting.debit(LedgerAccounts.hostAvailable(hostId), amount),
                    Posting.credit(LedgerAccounts.hostReserved(hostId), amount)));
        }
    }

    /** An event that moves no money: in the stream, counted by replays, never journaled. */
    record Noise(int host, String currency, int secondsLater, boolean deliveredTwice) implements Movement {
        @Override
        public Object event(Model model) {
            return new HostWaved(HOSTS.get(host));
        }
    }

    record DisputeOpened(UserId hostId, List<Posting> postings) implements LedgerEvent {
        @Override
        public String reference() {
            return "dispute:" + hostId;
        }
    }

    record PayoutReserved(UserId hostId, List<Posting> postings) implements LedgerEvent {
        @Override
        public String reference() {
            return "payout:" + hostId;
        }
    }

    record HostWaved(UserId hostId) {
    }

    @Provide
    Arbitrary<List<Movement>> movements() {
        Arbitrary<Integer> host = Arbitraries.integers().between(0, HOSTS.size() - 1);
        Arbitrary<String> currency = Arbitraries.of(CURRENCIES);
        Arbitrary<Integer> secondsLater = Arbitraries.integers().between(0, 3);
        Arbitrary<Boolean> twice = Arbitraries.integers().between(1, 5).map(n -> n == 1);
        Arbitrary<Integer> percent = Arbitraries.integers().between(1, 100);
        Arbitrary<Movement> capture = Combinators.combine(host, currency, secondsLater, twice, Arbitraries.longs().between(1, 500_000),
                Arbitraries.of(0, 0, 1, 3)).as(Capture::new);
        Arbitrary<Movement> release = Combinators.combine(host, currency, secondsLater, twice, percent).as(Release::new);
        Arbitrary<Movement> refund = Combinators.combine(host, currency, secondsLater, twice, percent).as(Refund::new);
        Arbitrary<Movement> dispute = Combinators.combine(host, currency, secondsLater, twice, percent).as(DisputeHold::new);
        Arbitrary<Movement> payout = Combinators.combine(host, currency, secondsLater, twice, percent).as(PayoutReserve::new);
        Arbitrary<Movement> noise = Combinators.combine(host, currency, secondsLater, twice).as(Noise::new);
        return Arbitraries.frequencyOf(Tuple.of(4, capture), Tuple.of(2, release), Tuple.of(1, refund), Tuple.of(1, dispute),
                Tuple.of(1, payout), Tuple.of(1, noise)).list().ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    record Totals(long debits, long credits) {
    }

    /** Every posting made, with its time: sums and the digest computed in plain Java, independently of the SQL under test. */
    static final class Model {

        static final Comparator<BalanceKey> ORDER = Comparator.comparing(BalanceKey::account)
                .thenComparing(BalanceKey::currency);

        private final List<Map.Entry<Instant, Posting>> made = new ArrayList<>();

        void add(Instant at, List<Posting> postings) {
            postings.forEach(posting -> made.add(Map.entry(at, posting)));
        }

        Map<BalanceKey, Totals> totalsUpTo(Instant asOf) {
            Map<BalanceKey, Totals> totals = new TreeMap<>(ORDER);
            made.stream().filter(entry -> !entry.getKey().isAfter(asOf)).map(Map.Entry::getValue).forEach(posting -> {
                long amount = posting.amount().amountMinor();
                totals.merge(new BalanceKey(posting.account(), posting.amount().currency().getCurrencyCode()),
                        new Totals(Math.max(amount, 0), Math.max(-amount, 0)),
                        (sum, more) -> new Totals(sum.debits() + more.debits(), sum.credits() + more.credits()));
            });
            return totals;
        }

        /** {@code percent} of what the account owes its host now (its credits less its debits), rounded down. */
        Money owedShare(String account, String currency, int percent) {
            Totals totals = totalsUpTo(Instant.MAX).getOrDefault(new BalanceKey(account, currency), new Totals(0, 0));
            return Money.of((totals.credits() - totals.debits()) * percent / 100, currency);
        }

        /** As LedgerReplayView documents it: SHA-256 of "account|currency|debits|credits\n" lines in byte order (all ASCII here). */
        String digest() {
            return LedgerReplayTest.sha256(totalsUpTo(Instant.MAX).entrySet().stream()
                    .map(entry -> entry.getKey().account() + "|" + entry.getKey().currency() + "|" + entry.getValue().debits() + "|"
                            + entry.getValue().credits() + "\n")
                    .collect(Collectors.joining()));
        }
    }
}
