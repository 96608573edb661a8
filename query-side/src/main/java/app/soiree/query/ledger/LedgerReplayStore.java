package app.soiree.query.ledger;

import app.soiree.api.Money;
import app.soiree.api.ledger.BalanceDifference;
import app.soiree.api.ledger.LedgerReplayView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The replays' own space: their status rows, replayed balances and differences. It only ever reads
 * the live journal, with plain selects (no locks), to compare with it.
 */
@Component
class LedgerReplayStore {

    /** A replay that disagrees everywhere lists this many differences; {@code matches} says the rest. */
    static final int MAX_DIFFERENCES = 1_000;

    /**
     * Replayed balances are only needed until their replay's digest and differences are recorded; the
     * latest finished replays keep theirs for a closer look in SQL, older ones give the space back.
     */
    static final int KEEP_BALANCES_OF_FINISHED_REPLAYS = 5;

    static final String INTERRUPTED = "interrupted: the process running it stopped before it finished";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    /**
     * For what the command that starts a replay writes: Axon runs command handlers in a transaction
     * that commits only after the handler returns, and the replay's own thread must see its row from
     * its first moment (and a refusal must not be rolled back with the command).
     */
    private final TransactionTemplate ownTransaction;

    LedgerReplayStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a new running replay, committed at once; false when another one is running (or this id
     * is taken), which the unique index on running replays decides, so two replicas cannot both start one.
     */
    boolean insertRunning(UUID replayId, String requestedBy, Instant startedAt, long headPosition) {
        Boolean inserted = ownTransaction.execute(status -> jdbc.update("""
                        insert into ledger_replays (replay_id, status, requested_by, started_at, heartbeat_at, head_position)
                        values (?, 'RUNNING', ?, ?, ?, ?)
                        on conflict do nothing""",
                replayId, requestedBy, Timestamp.from(startedAt), Timestamp.from(startedAt), headPosition) == 1);
        return Boolean.TRUE.equals(inserted);
    }

    void pruneReplayedBalances() {
        jdbc.update("""
                        delete from ledger_replay_balances where replay_id in (
                            select replay_id from ledger_replays where status <> 'RUNNING'
                            order by started_at desc, replay_id offset ?)""",
                KEEP_BALANCES_OF_FINISHED_REPLAYS);
    }

    boolean exists(UUID replayId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ledger_replays where replay_id = ?)", Boolean.class,
                replayId));
    }

    Optional<UUID> running() {
        return jdbc.query("select replay_id from ledger_replays where status = 'RUNNING'", (row, number) -> row.getObject(1, UUID.class))
                .stream().findFirst();
    }

    void counted(UUID replayId, long eventsTotal) {
        jdbc.update("update ledger_replays set events_total = ? where replay_id = ?", eventsTotal, replayId);
    }

    void heartbeat(UUID replayId, Instant at) {
        jdbc.update("update ledger_replays set heartbeat_at = ? where replay_id = ? and status = 'RUNNING'", Timestamp.from(at), replayId);
    }

    /**
     * Adds a batch of replayed postings and moves the progress on, in one transaction: the balances
     * stored always belong to exactly {@code eventsProcessed} events.
     */
    void addReplayed(UUID replayId, Map<BalanceKey, Totals> batch, long eventsProcessed, long lastPosition) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        batch.forEach((key, totals) -> rows.add(new Object[] {replayId, key.account(), key.currency(), totals.debits(), totals.credits()}));
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("""
                    insert into ledger_replay_balances (replay_id, account, currency, debits, credits)
                    values (?, ?, ?, ?, ?)
                    on conflict (replay_id, account, currency) do update
                        set debits = ledger_replay_balances.debits + excluded.debits,
                            credits = ledger_replay_balances.credits + excluded.credits""", rows);
            jdbc.update("update ledger_replays set events_processed = ?, last_position = ? where replay_id = ?",
                    eventsProcessed, lastPosition, replayId);
        });
    }

    /**
     * How many money events the live journal holds up to {@code position}, leaving out the positions
     * the replay never saw (see {@link #recordDifferences}).
     */
    long liveEventsUpTo(long position, Collection<Long> unseen) {
        Long count = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select count(distinct event_id) from ledger_entries
                    where global_index <= ? and not (global_index = any (?))""");
            statement.setLong(1, position);
            statement.setArray(2, positions(connection, unseen));
            return statement;
        }, (ResultSet row) -> row.next() ? row.getLong(1) : 0L);
        return count == null ? 0 : count;
    }

    /**
     * Compares the replayed balances with the live journal summed up to the same position in the
     * stream, and records where they differ. {@code unseen} are positions up to there that the replay
     * did not see: in the embedded event store a transaction can commit an event with a lower position
     * after a later one, and such an event belongs to the next replay, not to this comparison.
     *
     * @return how many differences were recorded (at most {@link #MAX_DIFFERENCES})
     */
    int recordDifferences(UUID replayId, long position, Collection<Long> unseen) {
        return jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into ledger_replay_differences (replay_id, account, currency, live_balance, replayed_balance)
                    with live as (
                        select account, currency,
                               coalesce(sum(amount) filter (where amount > 0), 0) as debits,
                               coalesce(-sum(amount) filter (where amount < 0), 0) as credits
                        from ledger_entries
                        where global_index <= ? and not (global_index = any (?))
                        group by account, currency),
                    replayed as (
                        select account, currency, debits, credits from ledger_replay_balances where replay_id = ?)
                    select ?, coalesce(live.account, replayed.account), coalesce(live.currency, replayed.currency),
                           live.debits - live.credits, replayed.debits - replayed.credits
                    from live full join replayed on live.account = replayed.account and live.currency = replayed.currency
                    where live.debits is distinct from replayed.debits or live.credits is distinct from replayed.credits
                    order by 2, 3
                    limit ?""");
            statement.setLong(1, position);
            statement.setArray(2, positions(connection, unseen));
            statement.setObject(3, replayId);
            statement.setObject(4, replayId);
            statement.setInt(5, MAX_DIFFERENCES);
            return statement;
        });
    }

    /**
     * SHA-256 over one line {@code account|currency|debits|credits\n} per replayed balance, in the
     * byte order of account then currency (collation "C", whatever the database's locale), so the same
     * balances always give the same digest.
     */
    String digest(UUID replayId) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        jdbc.query("""
                        select account, currency, debits, credits from ledger_replay_balances
                        where replay_id = ?
                        order by account collate "C", currency collate "C"
                        """,
                (ResultSet row) -> {
                    String line = row.getString("account") + '|' + row.getString("currency") + '|' + row.getLong("debits") + '|'
                            + row.getLong("credits") + '\n';
                    sha256.update(line.getBytes(StandardCharsets.UTF_8));
                },
                replayId);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** {@code eventsTotal} becomes what the replay really read: it was counted by an earlier pass over the stream. */
    void complete(UUID replayId, Instant finishedAt, long eventsProcessed, boolean matches, String digest) {
        jdbc.update("""
                        update ledger_replays
                        set status = 'COMPLETED', finished_at = ?, events_processed = ?, events_total = ?, matches = ?, digest = ?
                        where replay_id = ? and status = 'RUNNING'""",
                Timestamp.from(finishedAt), eventsProcessed, eventsProcessed, matches, digest, replayId);
    }

    /** Committed at once, whatever transaction the caller is in. */
    void fail(UUID replayId, Instant finishedAt, String failure) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "update ledger_replays set status = 'FAILED', finished_at = ?, failure = ? where replay_id = ? and status = 'RUNNING'",
                Timestamp.from(finishedAt), failure, replayId));
    }

    /** Running replays whose heartbeat stopped before {@code staleBefore}: the process running them is gone. */
    int failAbandoned(Instant staleBefore, Instant now) {
        return jdbc.update("""
                        update ledger_replays set status = 'FAILED', finished_at = ?, failure = ?
                        where status = 'RUNNING' and heartbeat_at < ?""",
                Timestamp.from(now), INTERRUPTED, Timestamp.from(staleBefore));
    }

    Optional<LedgerReplayView> find(UUID replayId) {
        return views(jdbc.query("select * from ledger_replays where replay_id = ?", LedgerReplayStore::replay, replayId)).stream().findFirst();
    }

    List<LedgerReplayView> latest(int limit) {
        return views(jdbc.query("select * from ledger_replays order by started_at desc, replay_id limit ?", LedgerReplayStore::replay, limit));
    }

    private List<LedgerReplayView> views(List<ReplayRow> replays) {
        if (replays.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<BalanceDifference>> differences = new LinkedHashMap<>();
        replays.forEach(replay -> differences.put(replay.replayId(), new ArrayList<>()));
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select * from ledger_replay_differences where replay_id = any (?) order by replay_id, account, currency""");
            statement.setArray(1, connection.createArrayOf("uuid", differences.keySet().toArray()));
            return statement;
        }, (ResultSet row) -> {
            String currency = row.getString("currency");
            differences.get(row.getObject("replay_id", UUID.class)).add(new BalanceDifference(row.getString("account"), currency,
                    money(row, "live_balance", currency), money(row, "replayed_balance", currency)));
        });
        return replays.stream().map(replay -> replay.toView(differences.get(replay.replayId()))).toList();
    }

    private static ReplayRow replay(ResultSet row, int number) throws SQLException {
        Object matches = row.getObject("matches");
        return new ReplayRow(row.getObject("replay_id", UUID.class), row.getString("status"), instant(row, "started_at"),
                instant(row, "finished_at"), row.getString("requested_by"), row.getLong("events_processed"), row.getLong("events_total"),
                (Boolean) matches, row.getString("digest"), row.getString("failure"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Money money(ResultSet row, String column, String currency) throws SQLException {
        long amount = row.getLong(column);
        return row.wasNull() ? null : Money.of(amount, currency);
    }

    private static Array positions(java.sql.Connection connection, Collection<Long> positions) throws SQLException {
        return connection.createArrayOf("bigint", positions.toArray());
    }

    /** An account in one currency. */
    record BalanceKey(String account, String currency) {
    }

    /** Positive sums of debits and credits. */
    record Totals(long debits, long credits) {
    }

    private record ReplayRow(UUID replayId, String status, Instant startedAt, @Nullable Instant finishedAt, String requestedBy,
                             long eventsProcessed, long eventsTotal, @Nullable Boolean matches, @Nullable String digest,
                             @Nullable String failure) {

        LedgerReplayView toView(List<BalanceDifference> differences) {
            return new LedgerReplayView(replayId, status, startedAt, finishedAt, requestedBy, eventsProcessed, eventsTotal, matches, digest,
                    List.copyOf(differences), failure);
        }
    }
}
