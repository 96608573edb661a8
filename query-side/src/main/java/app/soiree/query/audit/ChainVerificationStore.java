package app.soiree.query.audit;

import app.soiree.api.audit.ChainVerificationView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The durable record of each verification ({@code audit_chain_verifications}): its progress and what it found. */
@Component
class ChainVerificationStore {

    static final String INTERRUPTED = "interrupted: the process running it stopped before it finished";

    private final JdbcTemplate jdbc;
    /**
     * For what the command that starts a verification writes: Axon commits the command's transaction
     * only after the handler returns, and the verification's own thread must see its row from its first
     * moment (and a refusal must not be rolled back with the command).
     */
    private final TransactionTemplate ownTransaction;

    ChainVerificationStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a new running verification, committed at once; false when another one is running (or the
     * id is taken), which the unique index on running verifications decides across replicas.
     */
    boolean insertRunning(UUID verificationId, String requestedBy, Instant startedAt, long headPosition) {
        Boolean inserted = ownTransaction.execute(status -> jdbc.update("""
                        insert into audit_chain_verifications (verification_id, status, requested_by, started_at, heartbeat_at, head_position)
                        values (?, 'RUNNING', ?, ?, ?, ?)
                        on conflict do nothing""",
                verificationId, requestedBy, Timestamp.from(startedAt), Timestamp.from(startedAt), headPosition) == 1);
        return Boolean.TRUE.equals(inserted);
    }

    boolean exists(UUID verificationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from audit_chain_verifications where verification_id = ?)",
                Boolean.class, verificationId));
    }

    Optional<UUID> running() {
        return jdbc.query("select verification_id from audit_chain_verifications where status = 'RUNNING'",
                (row, number) -> row.getObject(1, UUID.class)).stream().findFirst();
    }

    void counted(UUID verificationId, long eventsTotal, Instant at) {
        jdbc.update("update audit_chain_verifications set events_total = ?, heartbeat_at = ? where verification_id = ? and status = 'RUNNING'",
                eventsTotal, Timestamp.from(at), verificationId);
    }

    /** Progress, and the heartbeat that says the verification is still being worked on. */
    void progress(UUID verificationId, long eventsChecked, Instant at) {
        jdbc.update("update audit_chain_verifications set events_checked = ?, heartbeat_at = ? where verification_id = ? and status = 'RUNNING'",
                eventsChecked, Timestamp.from(at), verificationId);
    }

    /** Intact: every event up to the head was checked, and {@code eventsTotal} becomes what was really read. */
    void completeIntact(UUID verificationId, Instant finishedAt, long eventsChecked) {
        jdbc.update("""
                        update audit_chain_verifications
                        set status = 'COMPLETED', finished_at = ?, events_checked = ?, events_total = ?, intact = true
                        where verification_id = ? and status = 'RUNNING'""",
                Timestamp.from(finishedAt), eventsChecked, eventsChecked, verificationId);
    }

    /** Broken: {@code eventsChecked} events held before the first broken link. */
    void completeBroken(UUID verificationId, Instant finishedAt, long eventsChecked, String brokenEventId, String brokenLink) {
        jdbc.update("""
                        update audit_chain_verifications
                        set status = 'COMPLETED', finished_at = ?, events_checked = ?, intact = false, first_broken_event_id = ?, broken_link = ?
                        where verification_id = ? and status = 'RUNNING'""",
                Timestamp.from(finishedAt), eventsChecked, brokenEventId, brokenLink, verificationId);
    }

    /** Committed at once, whatever transaction the caller is in. */
    void fail(UUID verificationId, Instant finishedAt, String failure) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "update audit_chain_verifications set status = 'FAILED', finished_at = ?, failure = ? where verification_id = ? and status = 'RUNNING'",
                Timestamp.from(finishedAt), failure, verificationId));
    }

    /** Running verifications whose heartbeat stopped before {@code staleBefore}: the process running them is gone. */
    int failAbandoned(Instant staleBefore, Instant now) {
        return jdbc.update("""
                        update audit_chain_verifications set status = 'FAILED', finished_at = ?, failure = ?
                        where status = 'RUNNING' and heartbeat_at < ?""",
                Timestamp.from(now), INTERRUPTED, Timestamp.from(staleBefore));
    }

    Optional<ChainVerificationView> find(UUID verificationId) {
        return jdbc.query("select * from audit_chain_verifications where verification_id = ?", ChainVerificationStore::view, verificationId)
                .stream().findFirst();
    }

    List<ChainVerificationView> latest(int limit) {
        return jdbc.query("select * from audit_chain_verifications order by started_at desc, verification_id limit ?",
                ChainVerificationStore::view, limit);
    }

    private static ChainVerificationView view(ResultSet row, int number) throws SQLException {
        return new ChainVerificationView(row.getObject("verification_id", UUID.class), row.getString("status"),
                instant(row, "started_at"), instant(row, "finished_at"), row.getString("requested_by"), row.getLong("events_checked"),
                row.getLong("events_total"), (Boolean) row.getObject("intact"), row.getString("first_broken_event_id"),
                row.getString("broken_link"), row.getString("failure"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
