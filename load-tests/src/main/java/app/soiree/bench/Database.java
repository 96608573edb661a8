package app.soiree.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only looks into the server's PostgreSQL: the event store (Axon's {@code domain_event_entry}),
 * the tracking tokens, and the ledger journal. The correctness checks trust the event store, which is
 * the truth, over any answer or projection.
 */
final class Database implements AutoCloseable {

    /** A JPA event store's processors keep GapAwareTrackingTokens ("index"); Axon Server's keep "globalIndex". */
    private static final Pattern GLOBAL_INDEX = Pattern.compile("\"(?:globalIndex|index)\"\\s*:\\s*(\\d+)");

    private final String url;
    private final Properties credentials;
    private final Connection connection;

    Database(String url, String user, String password) throws SQLException {
        this.url = url;
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        this.connection = connect();
    }

    /** The PostgreSQL backend serving this object's own connection: its CPU is the harness's, not the server's. */
    long backendPid() {
        return number("select pg_backend_pid()");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    String setting(String name) {
        return single("select current_setting(?)", name);
    }

    /** Events of one type (simple class name) for one aggregate. */
    long countEvents(String aggregateId, String type) {
        return number("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?", aggregateId, "%." + type);
    }

    long countEvents(String aggregateId) {
        return number("select count(*) from domain_event_entry where aggregate_identifier = ?", aggregateId);
    }

    /** Events of one type appended after a position in the stream. */
    long countEventsAfter(long globalIndex, String type) {
        return number("select count(*) from domain_event_entry where global_index > ? and payload_type like ?", globalIndex, "%." + type);
    }

    long countEventsAfter(long globalIndex) {
        return number("select count(*) from domain_event_entry where global_index > ?", globalIndex);
    }

    /** Events after one position in the stream up to and including another. */
    long countEventsBetween(long afterIndex, long upToIndex) {
        return number("select count(*) from domain_event_entry where global_index > ? and global_index <= ?", afterIndex, upToIndex);
    }

    /** Seats in the events of one type for one aggregate: the sum of their {@code quantity} (SeatsHeld, SeatsConfirmed). */
    long seatsInEvents(String aggregateId, String type) {
        return number("select coalesce(sum((convert_from(payload, 'UTF8')::json ->> 'quantity')::bigint), 0) from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like ?", aggregateId, "%." + type);
    }

    /** The latest snapshot Axon stored for an aggregate: the sequence number it was taken at and its payload's size. */
    record Snapshot(long sequenceNumber, long payloadBytes) {
    }

    Optional<Snapshot> latestSnapshot(String aggregateId) {
        List<String> rows = strings("select sequence_number || ' ' || octet_length(payload) from snapshot_event_entry"
                + " where aggregate_identifier = ? order by sequence_number desc limit 1", aggregateId);
        return rows.stream().findFirst().map(row -> row.split(" "))
                .map(fields -> new Snapshot(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
    }

    /** What reading an aggregate from the store costs the database and the wire: its latest snapshot and the events after it. */
    record AggregateRead(Duration took, long snapshotBytes, int tailEvents, long tailBytes) {
    }

    /**
     * Reads an aggregate as Axon's event sourcing repository does before rebuilding it (the latest snapshot, then every
     * event after it, payloads and metadata), on this connection, and times it. Nothing is deserialised: this is the
     * store's share of a cold load, not the server's.
     */
    synchronized AggregateRead readAggregate(String aggregateId) {
        long started = System.nanoTime();
        long snapshotBytes = 0;
        long after = -1;
        try (PreparedStatement snapshot = connection.prepareStatement("select sequence_number, payload, meta_data from snapshot_event_entry"
                + " where aggregate_identifier = ? order by sequence_number desc limit 1")) {
            snapshot.setString(1, aggregateId);
            try (ResultSet row = snapshot.executeQuery()) {
                if (row.next()) {
                    after = row.getLong(1);
                    snapshotBytes = row.getBytes(2).length + (row.getBytes(3) == null ? 0 : row.getBytes(3).length);
                }
            }
            int tailEvents = 0;
            long tailBytes = 0;
            try (PreparedStatement events = connection.prepareStatement("select payload, meta_data from domain_event_entry"
                    + " where aggregate_identifier = ? and sequence_number > ? order by sequence_number")) {
                events.setString(1, aggregateId);
                events.setLong(2, after);
                try (ResultSet rows = events.executeQuery()) {
                    while (rows.next()) {
                        tailEvents++;
                        tailBytes += rows.getBytes(1).length + (rows.getBytes(2) == null ? 0 : rows.getBytes(2).length);
                    }
                }
            }
            return new AggregateRead(Duration.ofNanos(System.nanoTime() - started), snapshotBytes, tailEvents, tailBytes);
        } catch (SQLException e) {
            throw new IllegalStateException("reading aggregate " + aggregateId + " failed", e);
        }
    }

    long countAllEvents() {
        return number("select count(*) from domain_event_entry");
    }

    /** Events in {@code [from, to]} of the stream that move money: their payload carries postings (LedgerEvent). */
    long moneyEventsBetween(long from, long to) {
        return number("select count(*) from domain_event_entry where global_index between ? and ?"
                + " and position('\"postings\":[{' in convert_from(payload, 'UTF8')) > 0", from, to);
    }

    /** Events in {@code [from, to]} the ledger journalled (ledger_entries keeps each event's position). */
    long journalledEventsBetween(long from, long to) {
        return number("select count(distinct global_index) from ledger_entries where global_index between ? and ?", from, to);
    }

    /** GatheringCreated events in {@code [from, to]}, and how many of their gatherings the read model (gatherings) holds. */
    long[] gatheringsCreatedAndProjectedBetween(long from, long to) {
        String[] counts = single("""
                select count(*) || ' ' || count(g.id) from domain_event_entry e left join gatherings g on g.id::text = e.aggregate_identifier
                where e.global_index between ? and ? and e.payload_type like '%.GatheringCreated'""", from, to).split(" ");
        return new long[] {Long.parseLong(counts[0]), Long.parseLong(counts[1])};
    }

    long headIndex() {
        return number("select coalesce(max(global_index), 0) from domain_event_entry");
    }

    /** When the events of one type for one aggregate were appended (Axon's event timestamps). */
    List<Instant> eventTimes(String aggregateId, String type) {
        return instants("select time_stamp from domain_event_entry where aggregate_identifier = ? and payload_type like ?", aggregateId, "%." + type);
    }

    List<Instant> eventTimesAfter(long globalIndex, String type) {
        return instants("select time_stamp from domain_event_entry where global_index > ? and payload_type like ?", globalIndex, "%." + type);
    }

    /** The tracking processors that have stored a token. */
    List<String> processors() {
        return strings("select distinct processor_name from token_entry where token is not null order by 1");
    }

    /** How far a tracking processor has got, as the largest global index in its tokens. */
    Optional<Long> processorPosition(String processor) {
        List<String> tokens = strings("select convert_from(token, 'UTF8') from token_entry where processor_name = ? and token is not null", processor);
        return tokens.stream().map(token -> {
            Matcher matcher = GLOBAL_INDEX.matcher(token);
            long max = -1;
            while (matcher.find()) {
                max = Math.max(max, Long.parseLong(matcher.group(1)));
            }
            return max;
        }).filter(position -> position >= 0).min(Long::compare);
    }

    /**
     * Waits until every tracking processor's token has reached the event store's head (as it is at each look: the
     * processors append events of their own), or none has moved for a minute, or {@code timeout}. Returns those behind.
     */
    List<String> awaitProcessorsAtHead(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> last = Map.of();
        long lastMoved = System.nanoTime();
        while (true) {
            long head = headIndex();
            Map<String, Long> positions = new TreeMap<>();
            for (String processor : processors()) {
                processorPosition(processor).ifPresent(position -> positions.put(processor, position));
            }
            List<String> behind = positions.entrySet().stream().filter(e -> e.getValue() < head)
                    .map(e -> "%s at %d of %d".formatted(e.getKey(), e.getValue(), head)).toList();
            if (behind.isEmpty()) {
                return behind;
            }
            if (!positions.equals(last)) {
                last = positions;
                lastMoved = System.nanoTime();
            } else if (System.nanoTime() - lastMoved > Duration.ofMinutes(1).toNanos()) {
                return behind;
            }
            if (System.nanoTime() > deadline) {
                return behind;
            }
            Waiting.sleep(500);
        }
    }

    /** Journal rows of captures after a position whose postings do not sum to zero per currency. */
    long unbalancedCapturesAfter(long globalIndex) {
        return number("""
                select count(*) from (
                  select event_id, currency from ledger_entries
                  where event_type = 'PaymentCaptured' and global_index > ?
                  group by event_id, currency having sum(amount) <> 0) unbalanced""", globalIndex);
    }

    long journalledCapturesAfter(long globalIndex) {
        return number("select count(distinct event_id) from ledger_entries where event_type = 'PaymentCaptured' and global_index > ?", globalIndex);
    }

    long bookingsWithStatus(String gatheringId, String status) {
        return number("select count(*) from bookings where gathering_id = ?::uuid and status = ?", gatheringId, status);
    }

    /** Guests with a booking of any status for the gathering (the bookings read model). */
    List<String> guestsWithBookings(String gatheringId) {
        return strings("select guest_id::text from bookings where gathering_id = ?::uuid", gatheringId);
    }

    private long number(String sql, Object... parameters) {
        return Long.parseLong(single(sql, parameters));
    }

    private String single(String sql, Object... parameters) {
        List<String> values = strings(sql, parameters);
        if (values.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", got " + values.size());
        }
        return values.getFirst();
    }

    /**
     * Starts counting the server's statements afresh ({@code pg_stat_statements}, which the server's embedded PostgreSQL
     * loads with {@code soiree.embedded-postgres.statement-statistics}).
     */
    void resetStatementStatistics() {
        try (var statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        strings("select pg_stat_statements_reset()::text");
    }

    /**
     * The statements that took the most time since the reset, one line each: time, calls, rows, the statement; after a
     * first line with all statements' time and calls.
     */
    List<String> statementStatistics() {
        List<String> lines = new ArrayList<>(strings("""
                select round(coalesce(sum(total_exec_time), 0)::numeric, 1) || ' ms | ' || coalesce(sum(calls), 0) || ' calls | '
                       || coalesce(sum(rows), 0) || ' rows | all statements'
                from pg_stat_statements"""));
        lines.addAll(strings("""
                select round(total_exec_time::numeric, 1) || ' ms | ' || calls || ' calls | ' || rows || ' rows | '
                       || left(regexp_replace(query, '\\s+', ' ', 'g'), 300)
                from pg_stat_statements order by total_exec_time desc limit 60"""));
        return lines;
    }

    private List<Instant> instants(String sql, Object... parameters) {
        return strings(sql, parameters).stream().map(Instant::parse).toList();
    }

    private synchronized List<String> strings(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
