package app.soiree.query.ledger;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.AccountBalanceView;
import app.soiree.api.ledger.FindAccountEntries;
import app.soiree.api.ledger.FindTrialBalance;
import app.soiree.api.ledger.FindTrialBalancePage;
import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.FindWalletEntries;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.LedgerEntryPage;
import app.soiree.api.ledger.LedgerEntryView;
import app.soiree.api.ledger.TrialBalancePage;
import app.soiree.api.ledger.TrialBalancePage.CurrencyTotal;
import app.soiree.api.ledger.TrialBalanceView;
import app.soiree.api.ledger.WalletBalanceView;
import app.soiree.api.ledger.WalletEntryPage;
import app.soiree.api.ledger.WalletEntryView;
import app.soiree.api.ledger.WalletView;
import app.soiree.query.paging.Contains;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.TextCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads of the journal: running balances or sums for trial balances, running balances for wallets, keyset pages for statements. */
@Component
class LedgerQueries {

    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate oneSnapshot;

    LedgerQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.oneSnapshot = new TransactionTemplate(transactions);
        oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        oneSnapshot.setReadOnly(true);
    }

    /**
     * Up to date (no entry after {@code asOf}), the running balances are the answer: one row per
     * account. As of an earlier moment, the journal is summed up to it. Both reads share one snapshot,
     * so an entry committed in between cannot make the check and the answer disagree.
     */
    @QueryHandler
    TrialBalanceView handle(FindTrialBalance query) {
        List<AccountBalanceView> accounts = oneSnapshot.execute(status -> {
            Balances balances = balancesAsOf(query.asOf());
            return jdbc.query(balances.sql() + " order by account, currency", LedgerQueries::accountBalance, balances.parameters());
        });
        Map<String, Long> sumPerCurrency = new HashMap<>();
        accounts.forEach(account -> sumPerCurrency.merge(account.currency(), account.balance().amountMinor(), Math::addExact));
        boolean balanced = sumPerCurrency.values().stream().allMatch(sum -> sum == 0);
        return new TrialBalanceView(query.asOf(), accounts, balanced);
    }

    /**
     * The same balances a page at a time (keyset by account and currency), with the totals per currency summed in the
     * database: a screen gets its verdict without ever holding every account.
     */
    @QueryHandler
    TrialBalancePage handle(FindTrialBalancePage query) {
        int limit = PageLimit.clamped(query.limit());
        AccountCursor after = AccountCursor.decode(query.cursor());
        return oneSnapshot.execute(status -> {
            Balances balances = balancesAsOf(query.asOf());
            List<CurrencyTotal> totals = jdbc.query("select currency, sum(debits) as debits, sum(credits) as credits from ("
                            + balances.sql() + ") balances group by currency order by currency",
                    (row, number) -> new CurrencyTotal(row.getString("currency"), Money.of(row.getLong("debits"), row.getString("currency")),
                            Money.of(row.getLong("credits"), row.getString("currency"))),
                    balances.parameters());
            List<Object> parameters = new ArrayList<>(List.of(balances.parameters()));
            parameters.addAll(List.of(Contains.pattern(query.accountContains()), after.account(), after.currency(),
                    KeysetPage.rowsToFetch(limit)));
            List<AccountBalanceView> rows = jdbc.query("select * from (" + balances.sql() + ") balances"
                            + " where lower(account) like ? and (account, currency) > (?, ?) order by account, currency limit ?",
                    LedgerQueries::accountBalance, parameters.toArray());
            KeysetPage<AccountBalanceView> page = KeysetPage.cut(rows, limit,
                    account -> new AccountCursor(account.account(), account.currency()).encode());
            boolean balanced = totals.stream().allMatch(total -> total.debits().equals(total.credits()));
            return new TrialBalancePage(query.asOf(), page.items(), page.nextCursor(), totals, balanced);
        });
    }

    /** Rows of {@code account, currency, debits, credits} as of a moment, as SQL to select from. */
    private record Balances(String sql, Object[] parameters) {
    }

    /** Call inside {@link #oneSnapshot}: whether the running balances are the answer depends on the journal read in it. */
    private Balances balancesAsOf(Instant moment) {
        Timestamp asOf = Timestamp.from(moment);
        boolean upToDate = Boolean.TRUE.equals(jdbc.queryForObject(
                "select coalesce(max(occurred_at) <= ?, true) from ledger_entries", Boolean.class, asOf));
        return upToDate
                ? new Balances("select account, currency, debits, credits from ledger_balances", new Object[0])
                : new Balances("""
                        select account, currency,
                               coalesce(sum(amount) filter (where amount > 0), 0) as debits,
                               coalesce(-sum(amount) filter (where amount < 0), 0) as credits
                        from ledger_entries
                        where occurred_at <= ?
                        group by account, currency""", new Object[] {asOf});
    }

    private static AccountBalanceView accountBalance(ResultSet row, int number) throws SQLException {
        String currency = row.getString("currency");
        Money debits = Money.of(row.getLong("debits"), currency);
        Money credits = Money.of(row.getLong("credits"), currency);
        return new AccountBalanceView(row.getString("account"), currency, debits, credits, debits.minus(credits));
    }

    @QueryHandler
    LedgerEntryPage handle(FindAccountEntries query) {
        int limit = PageLimit.clamped(query.limit());
        TextCursor after = TextCursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder("select * from ledger_entries where account = ?");
        List<Object> parameters = new ArrayList<>(List.of(query.account()));
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            parameters.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            parameters.add(Timestamp.from(query.to()));
        }
        if (after != null) {
            sql.append(" and (occurred_at, entry_id) > (?, ?)");
            parameters.add(Timestamp.from(after.at()));
            parameters.add(after.key());
        }
        sql.append(" order by occurred_at, entry_id limit ?");
        parameters.add(KeysetPage.rowsToFetch(limit));
        List<LedgerEntryView> rows = jdbc.query(sql.toString(), (row, number) -> new LedgerEntryView(row.getString("entry_id"),
                occurredAt(row), row.getString("account"), amount(row), row.getString("event_id"), row.getString("event_type"),
                row.getString("actor"), row.getString("reference")), parameters.toArray());
        KeysetPage<LedgerEntryView> page = KeysetPage.cut(rows, limit,
                entry -> new TextCursor(entry.occurredAt(), entry.entryId()).encode());
        return new LedgerEntryPage(page.items(), page.nextCursor());
    }

    /**
     * Host accounts hold what the platform owes the host, which the ledger books as credits: the host
     * sees credits − debits. Read from the running balances. A host none of whose accounts has seen a
     * posting has no currency to show: {@code balances} is empty, not a row of zeros.
     */
    @QueryHandler
    WalletView handle(FindWallet query) {
        UserId host = query.hostId();
        Map<String, Map<String, Long>> byCurrency = new TreeMap<>();
        jdbc.query("select currency, account, credits - debits as owed from ledger_balances where account in (?, ?, ?, ?)",
                (ResultSet row) -> {
                    byCurrency.computeIfAbsent(row.getString("currency"), currency -> new HashMap<>())
                            .put(row.getString("account"), row.getLong("owed"));
                },
                (Object[]) hostAccounts(host));
        List<WalletBalanceView> balances = byCurrency.entrySet().stream().map(entry -> {
            String currency = entry.getKey();
            Map<String, Long> owed = entry.getValue();
            return new WalletBalanceView(currency,
                    Money.of(owed.getOrDefault(LedgerAccounts.hostPending(host), 0L), currency),
                    Money.of(owed.getOrDefault(LedgerAccounts.hostAvailable(host), 0L), currency),
                    Money.of(owed.getOrDefault(LedgerAccounts.hostReserved(host), 0L), currency),
                    Money.of(owed.getOrDefault(LedgerAccounts.hostDisputeHold(host), 0L), currency));
        }).toList();
        return new WalletView(balances);
    }

    @QueryHandler
    WalletEntryPage handle(FindWalletEntries query) {
        int limit = PageLimit.clamped(query.limit());
        TextCursor before = TextCursor.decode(query.cursor());
        List<Object> parameters = new ArrayList<>(List.of((Object[]) hostAccounts(query.hostId())));
        String sql = "select * from ledger_entries where account in (?, ?, ?, ?)";
        if (before != null) {
            sql += " and (occurred_at, entry_id) < (?, ?)";
            parameters.add(Timestamp.from(before.at()));
            parameters.add(before.key());
        }
        sql += " order by occurred_at desc, entry_id desc limit ?";
        parameters.add(KeysetPage.rowsToFetch(limit));
        List<WalletEntryView> rows = jdbc.query(sql, (row, number) -> new WalletEntryView(row.getString("entry_id"), occurredAt(row),
                row.getString("account"), amount(row).negated(), inWords(row.getString("event_type")), row.getString("reference")),
                parameters.toArray());
        KeysetPage<WalletEntryView> page = KeysetPage.cut(rows, limit,
                entry -> new TextCursor(entry.occurredAt(), entry.entryId()).encode());
        return new WalletEntryPage(page.items(), page.nextCursor());
    }

    private static String[] hostAccounts(UserId host) {
        return new String[] {LedgerAccounts.hostPending(host), LedgerAccounts.hostAvailable(host), LedgerAccounts.hostReserved(host),
                LedgerAccounts.hostDisputeHold(host)};
    }

    private static Instant occurredAt(ResultSet row) throws SQLException {
        return row.getObject("occurred_at", OffsetDateTime.class).toInstant();
    }

    private static Money amount(ResultSet row) throws SQLException {
        return Money.of(row.getLong("amount"), row.getString("currency"));
    }

    /** {@code PaymentCaptured} becomes "Payment captured". */
    static String inWords(String eventType) {
        String[] words = WORD_START.split(eventType);
        StringBuilder sentence = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sentence.append(' ').append(words[i].toLowerCase(Locale.ROOT));
        }
        return sentence.toString();
    }
}
