package app.soiree.server.idempotency;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * New keys, written together. Every request that carries a key inserts one (a claim, or a refusal given at once): in a
 * rush that is one statement and one commit per request, five thousand of them for three hundred seats, each taking a
 * pooled connection. Here the inserts that meet wait in one line, in memory and without a connection, and a few of their
 * requests at a time each write what is in the line as one statement (a group commit); each request learns from it
 * whether its key was new. A quiet request finds nobody writing and writes its own insert at once, as before.
 *
 * <p>No thread of its own: a request that finds fewer than {@link #MAX_WRITERS} others writing writes at once, with
 * whatever queued; one that finds them all busy queues, and the first writer to finish hands its turn to the first in
 * line, so none writes more than one batch. More than one writer, because the line is a serial section: on a machine
 * whose cores are saturated (a rush) a single writer that the scheduler leaves waiting would hold every request up. A
 * key asked for twice in one batch is inserted once, for the first who asked; the other finds it taken, as if it had
 * come a moment later. A batch a row of which is refused (a value out of bounds) is written again one insert at a time,
 * so each request is answered as its own insert would have been; one the database fails (unreachable, say) fails each
 * of its requests as their own inserts would have.
 *
 * <p>In a burst (an insert that comes within {@link #BURST_GAP} of the one before), a request that would write at once
 * waits {@code gather} first, and the inserts that come meanwhile join its line instead of writing their own: at a rush's
 * 500 requests a second, nearly none met a busy writer, and each wrote its own statement and commit (a seventh of the
 * rush's statements). One writer gathers at a time; a quiet request is written at once, as before.
 */
final class KeyInserts {

    /** The most inserts one statement carries. */
    static final int MAX_BATCH = 100;
    /** The most statements under way at once; beyond them, requests queue. */
    static final int MAX_WRITERS = 4;
    /** An insert this soon after the one before is part of a burst, whose writers gather before they write. */
    static final long BURST_GAP = TimeUnit.MILLISECONDS.toNanos(10);

    private static final Logger log = LoggerFactory.getLogger(KeyInserts.class);

    /**
     * Leads a statement that commits without waiting for its flush to disk ({@code synchronous_commit} off for its
     * transaction alone, read as the statement commits; a {@code SET LOCAL} would cost a transaction block and two more
     * round trips). The statement joins {@code relaxed} so that it is evaluated.
     */
    static final String WITHOUT_WAITING_FOR_THE_FLUSH = "with relaxed as (select set_config('synchronous_commit', 'off', true))\n";

    private static final String INSERT_INTO = WITHOUT_WAITING_FOR_THE_FLUSH + """
            insert into idempotency_keys (user_id, idempotency_key, request_hash, state, created_at,
                                          response_status, response_type, response_body)
            """;
    private static final String ON_CONFLICT = """
            on conflict do nothing
            returning user_id, idempotency_key""";

    /** Committed without waiting for its flush: {@link IdempotencyStore} says why that loses nothing. */
    private static final String INSERT = INSERT_INTO + """
            select k.user_id, k.idempotency_key, k.request_hash, k.state, k.created_at::timestamptz, k.response_status::integer,
                   k.response_type, k.response_body
            from relaxed, unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::varchar[], ?::bytea[])
                as k (user_id, idempotency_key, request_hash, state, created_at, response_status, response_type, response_body)
            """ + ON_CONFLICT;

    /**
     * The same for one row, which is what most statements carry (a batch forms only while every writer is busy): with
     * plain parameters, where the batch's eight arrays cost their building here and their unpacking in PostgreSQL.
     */
    private static final String INSERT_ONE = INSERT_INTO + """
            select ?::varchar, ?::varchar, ?::varchar, ?::varchar, ?::timestamptz, ?::integer, ?::varchar, ?::bytea
            from relaxed
            """ + ON_CONFLICT;

    private final JdbcTemplate jdbc;
    private final long gatherNanos;
    private final ArrayDeque<Waiting> line = new ArrayDeque<>();
    /**
     * Requests writing now. Requests queue only while all {@link #MAX_WRITERS} write or one of them gathers, and a writer
     * that finishes with some in line hands its turn on unless one gathers (who takes the line), so the line is empty
     * whenever there are fewer writers and none gathers. Guarded by {@link #line}.
     */
    private int writers;
    /** Whether a writer is waiting for more inserts to join it; those that come meanwhile queue. Guarded by {@link #line}. */
    private boolean gathering;
    /** When the latest insert came ({@link System#nanoTime()}). Guarded by {@link #line}. */
    private long lastCame;

    /** {@code gather}: how long a writer in a burst waits for more inserts to join its statement; zero: never. */
    KeyInserts(JdbcTemplate jdbc, Duration gather) {
        this.jdbc = jdbc;
        this.gatherNanos = gather.toNanos();
        this.lastCame = System.nanoTime() - BURST_GAP;
    }

    /** A key to insert, with its first state and, for a refusal, its answer. */
    record Row(String userId, String key, String requestHash, String state, Instant createdAt, @Nullable Integer status,
               @Nullable String contentType, byte @Nullable [] body) {

        Key id() {
            return new Key(userId, key);
        }
    }

    private record Key(String userId, String key) {
    }

    /** Inserts the row unless its key is there already; true when it was new. Fails as the insert would have. */
    boolean insert(Row row) {
        Waiting waiting = new Waiting(row);
        boolean writes;
        boolean gathers = false;
        synchronized (line) {
            long now = System.nanoTime();
            boolean inBurst = now - lastCame < BURST_GAP;
            lastCame = now;
            writes = writers < MAX_WRITERS && !gathering;
            if (writes) {
                writers++;
                gathers = inBurst && gatherNanos > 0;
                gathering |= gathers;
            } else {
                line.add(waiting);
            }
        }
        if (gathers) {
            LockSupport.parkNanos(gatherNanos);
            synchronized (line) {
                gathering = false;
            }
        }
        if (writes || waiting.turn.join() == Turn.WRITE) {
            writeWith(waiting);
        }
        return waiting.inserted();
    }

    /** Inserts waiting for a turn, not counting those being written. */
    int inLine() {
        synchronized (line) {
            return line.size();
        }
    }

    /** Writes this request's insert with what is in the line, then hands the turn on. */
    private void writeWith(Waiting own) {
        List<Waiting> batch = new ArrayList<>(List.of(own));
        synchronized (line) {
            while (!line.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(line.poll());
            }
        }
        try {
            write(batch);
        } finally {
            // Only an error (not an exception: those are answers) leaves some unanswered; they must not wait forever.
            batch.stream().filter(waiting -> !waiting.answered).forEach(waiting -> waiting.fail(new IllegalStateException(
                    "The batch of idempotency keys that carried this one was not written")));
            Waiting next;
            synchronized (line) {
                // out of the line, so that no other writer hands its turn to the same request; none while a writer gathers:
                // the line is that writer's to take
                next = gathering ? null : line.poll();
                if (next == null) {
                    writers--;
                }
            }
            if (next != null) {
                next.turn.complete(Turn.WRITE);
            }
        }
    }

    private void write(List<Waiting> batch) {
        Map<Key, Waiting> firstAsked = new LinkedHashMap<>();
        batch.forEach(waiting -> firstAsked.putIfAbsent(waiting.row.id(), waiting));
        try {
            Set<Key> inserted = insertAll(firstAsked.values().stream().map(waiting -> waiting.row).toList());
            batch.forEach(waiting -> waiting.answer(firstAsked.get(waiting.row.id()) == waiting && inserted.contains(waiting.row.id())));
        } catch (DataIntegrityViolationException failed) {
            if (firstAsked.size() == 1) {
                batch.forEach(waiting -> waiting.fail(failed));
                return;
            }
            log.warn("A batch of {} idempotency keys was refused; each is written alone", firstAsked.size(), failed);
            for (Waiting waiting : batch) {
                try {
                    waiting.answer(firstAsked.get(waiting.row.id()) == waiting && !insertAll(List.of(waiting.row)).isEmpty());
                } catch (RuntimeException alone) {
                    waiting.fail(alone);
                }
            }
        } catch (RuntimeException failed) {
            // The database, not a row: each insert alone would fail the same way (and wait as long for a connection).
            batch.forEach(waiting -> waiting.fail(failed));
        }
    }

    private Set<Key> insertAll(List<Row> rows) {
        Set<Key> inserted = new HashSet<>();
        RowCallbackHandler collect = result -> inserted.add(new Key(result.getString(1), result.getString(2)));
        if (rows.size() == 1) {
            Row row = rows.getFirst();
            jdbc.query(INSERT_ONE, collect, row.userId(), row.key(), row.requestHash(), row.state(), row.createdAt().toString(),
                    new SqlParameterValue(Types.INTEGER, row.status()), new SqlParameterValue(Types.VARCHAR, row.contentType()),
                    new SqlParameterValue(Types.BINARY, row.body()));
            return inserted;
        }
        jdbc.query(INSERT, collect,
                column(rows, Row::userId), column(rows, Row::key), column(rows, Row::requestHash), column(rows, Row::state),
                column(rows, row -> row.createdAt().toString()), column(rows, row -> row.status() == null ? null : row.status().toString()),
                column(rows, Row::contentType), rows.stream().map(Row::body).toArray(byte[][]::new));
        return inserted;
    }

    private static String[] column(List<Row> rows, Function<Row, @Nullable String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private enum Turn { ANSWERED, WRITE }

    /** A request in line: answered by whoever writes its batch, or told to write one itself. */
    private static final class Waiting {
        final Row row;
        final CompletableFuture<Turn> turn = new CompletableFuture<>();
        private boolean answered;
        private boolean inserted;
        private @Nullable RuntimeException failure;

        Waiting(Row row) {
            this.row = row;
        }

        void answer(boolean wasNew) {
            inserted = wasNew;
            answered = true;
            turn.complete(Turn.ANSWERED);
        }

        void fail(RuntimeException e) {
            failure = e;
            answered = true;
            turn.complete(Turn.ANSWERED);
        }

        /** Only once answered: its own batch was written by itself or by the request before it. */
        boolean inserted() {
            if (failure != null) {
                throw failure;
            }
            return inserted;
        }
    }
}
