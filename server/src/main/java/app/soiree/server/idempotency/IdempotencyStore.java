package app.soiree.server.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The remembered requests and answers, in PostgreSQL, shared by every replica. */
@Component
class IdempotencyStore {

    /** A first request that has not answered in this time is taken to have died; its key may be used again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final KeyInserts inserts;

    /** {@code soiree.idempotency.gather}: how long a key's insert in a burst waits for others to share its statement. */
    IdempotencyStore(JdbcTemplate jdbc, Clock clock, @Value("${soiree.idempotency.gather:3ms}") Duration gather) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.inserts = new KeyInserts(jdbc, gather);
    }

    /**
     * Claims the key for this request; false when another request already holds or used it. An
     * abandoned claim is cleared only when it is in the way, so a fresh key costs a single insert.
     */
    boolean claim(String userId, String key, String requestHash) {
        Instant now = clock.instant();
        if (insert(userId, key, requestHash, now)) {
            return true;
        }
        int purged = jdbc.update(
                "delete from idempotency_keys where user_id = ? and idempotency_key = ? and state = 'IN_FLIGHT' and created_at < ?",
                userId, key, Timestamp.from(now.minus(ABANDONED_AFTER)));
        return purged == 1 && insert(userId, key, requestHash, now);
    }

    /**
     * Remembers a refusal given before anything ran ({@code KnownRefusals}) as the key's answer, in one statement; false when
     * the key is already known, whose request must then be answered as any other use of a known key. Committed without
     * waiting for its flush, as a claim is, for a stronger reason: the request changed nothing, so a refusal lost in a crash
     * leaves a retry to run as a first request would, and be answered from what is true then.
     */
    boolean rememberRefusal(String userId, String key, String requestHash, int status, String contentType, byte[] body) {
        return insertWithoutFlush(userId, key, requestHash, "DONE", clock.instant(), status, contentType, body);
    }

    /**
     * The claim is committed without waiting for its flush to disk ({@code synchronous_commit} off for this transaction
     * alone): half the commits of a refused booking were claims, each holding a pooled connection while it waited. It
     * loses nothing. PostgreSQL writes one log in order, so the command's own commit, which waits for its flush, makes
     * every earlier commit durable with it, this claim included; and a claim lost in a crash before any such commit
     * belonged to a request that changed nothing, whose retry is then simply carried out.
     */
    private boolean insert(String userId, String key, String requestHash, Instant now) {
        return insertWithoutFlush(userId, key, requestHash, "IN_FLIGHT", now, null, null, null);
    }

    /**
     * One statement in its own transaction (the filter calls the store outside any), shared with the other requests'
     * inserts that meet it ({@link KeyInserts}): the setting is local to that transaction, and PostgreSQL reads it when the
     * statement commits (a {@code SET LOCAL}, a statement of its own, would cost a transaction block and two more round
     * trips).
     */
    private boolean insertWithoutFlush(String userId, String key, String requestHash, String state, Instant now,
                                       @Nullable Integer status, @Nullable String contentType, byte @Nullable [] body) {
        return inserts.insert(new KeyInserts.Row(userId, key, requestHash, state, now, status, contentType, body));
    }

    Optional<Remembered> find(String userId, String key) {
        List<Remembered> found = jdbc.query("""
                select request_hash, state, response_status, response_type, response_body
                from idempotency_keys where user_id = ? and idempotency_key = ?""",
                (row, index) -> new Remembered(row.getString("request_hash"), "DONE".equals(row.getString("state")),
                        row.getInt("response_status"), row.getString("response_type"), row.getBytes("response_body")),
                userId, key);
        return found.stream().findFirst();
    }

    /**
     * Remembers the answer, committed without waiting for its flush, as a claim is. The request's own work committed
     * durably before, and the claim with it; what a crash of the database can take is the answer alone, which leaves the key
     * claimed and unanswered, as a crash of this process between the two commits always could. Its retry is then carried
     * out again once the claim counts as abandoned, and the requests that must not happen twice find what the first made
     * (a booking's, a message's, a payout's and a promotion's id follow from the key). One durable commit, and the
     * pooled connection that waited for it, fewer for every remembered request (a chat post had two).
     */
    void complete(String userId, String key, int status, @Nullable String contentType, byte[] body) {
        jdbc.update(KeyInserts.WITHOUT_WAITING_FOR_THE_FLUSH + """
                update idempotency_keys set state = 'DONE', response_status = ?, response_type = ?, response_body = ?
                from relaxed where user_id = ? and idempotency_key = ?""", status, contentType, body, userId, key);
    }

    /** Forgets a key whose request failed on our side, so that the client's retry is carried out. */
    void release(String userId, String key) {
        jdbc.update("delete from idempotency_keys where user_id = ? and idempotency_key = ?", userId, key);
    }

    record Remembered(String requestHash, boolean done, int status, @Nullable String contentType, byte @Nullable [] body) {
    }
}
