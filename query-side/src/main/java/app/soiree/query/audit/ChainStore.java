package app.soiree.query.audit;

import app.soiree.api.audit.ChainHeadView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hash chain's tables: its links ({@code audit_chain_links}) and each day's head
 * ({@code audit_chain_heads}). The chain processor appends in its own transaction, together with its
 * token; verifications only read.
 */
@Component
class ChainStore {

    /**
     * A link with, beside it, the hash of the link before it in chain order as that one is stored
     * ({@code predecessorHash}: null when there is none, which only the first link may be).
     */
    private static final String LINK_WITH_PREDECESSOR = """
            select link.chain_seq, link.event_position, link.event_id, link.previous_hash, link.link_hash,
                   predecessor.link_hash as predecessor_hash
            from audit_chain_links link
            left join audit_chain_links predecessor on predecessor.chain_seq = link.chain_seq - 1
            """;

    private final JdbcTemplate jdbc;

    ChainStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain's last link so far, or empty before the first. */
    Optional<Tip> tip() {
        return jdbc.query("select chain_seq, link_hash from audit_chain_links order by chain_seq desc limit 1",
                (row, number) -> new Tip(row.getLong("chain_seq"), row.getString("link_hash"))).stream().findFirst();
    }

    /** Which of these positions have their link already. */
    Set<Long> linkedAmong(long[] positions) {
        return new HashSet<>(jdbc.queryForList("select event_position from audit_chain_links where event_position = any(?)", Long.class,
                (Object) positions));
    }

    /**
     * Appends links as one JDBC batch, which the driver sends as multi-row inserts (reWriteBatchedInserts). The unique
     * keys refuse a second link for the same event, place in the chain or predecessor: if two writers ever raced, one
     * would fail and retry rather than fork the chain.
     */
    void append(List<NewLink> links, Instant linkedAt) {
        if (links.isEmpty()) {
            return;
        }
        Timestamp linked = Timestamp.from(linkedAt);
        jdbc.batchUpdate("""
                        insert into audit_chain_links (event_position, chain_seq, event_id, previous_hash, link_hash, occurred_at, linked_at)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                links.stream().map(link -> new Object[] {link.position(), link.chainSeq(), link.eventId(), link.previousHash(), link.hash(),
                        Timestamp.from(link.occurredAt()), linked}).toList());
    }

    /** Makes {@code link} its day's head, unless a later link of that day is already there. */
    void moveHead(NewLink link, Instant linkedAt) {
        jdbc.update("""
                        insert into audit_chain_heads (day, chain_seq, event_position, event_id, link_hash, updated_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (day) do update
                            set chain_seq = excluded.chain_seq, event_position = excluded.event_position, event_id = excluded.event_id,
                                link_hash = excluded.link_hash, updated_at = excluded.updated_at
                            where excluded.chain_seq > audit_chain_heads.chain_seq""",
                LocalDate.ofInstant(link.occurredAt(), ZoneOffset.UTC), link.chainSeq(), link.position(), link.eventId(), link.hash(),
                Timestamp.from(linkedAt));
    }

    /** Links at positions after {@code after} up to {@code upTo}, in stream order, at most {@code limit}. */
    List<StoredLink> linksBetween(long after, long upTo, int limit) {
        return jdbc.query(LINK_WITH_PREDECESSOR + " where link.event_position > ? and link.event_position <= ? order by link.event_position limit ?",
                ChainStore::storedLink, after, upTo, limit);
    }

    Optional<StoredLink> linkAt(long position) {
        return jdbc.query(LINK_WITH_PREDECESSOR + " where link.event_position = ?", ChainStore::storedLink, position).stream().findFirst();
    }

    /** Whether the chain has got past {@code position}: some event after it is linked. */
    boolean linksBeyond(long position) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from audit_chain_links where event_position > ?)",
                Boolean.class, position));
    }

    List<ChainHeadView> latestHeads(int limit) {
        return jdbc.query("select * from audit_chain_heads order by day desc limit ?",
                (row, number) -> new ChainHeadView(row.getObject("day", LocalDate.class), row.getLong("chain_seq"),
                        row.getLong("event_position"), row.getString("event_id"), row.getString("link_hash")),
                limit);
    }

    private static StoredLink storedLink(ResultSet row, int number) throws SQLException {
        return new StoredLink(row.getLong("chain_seq"), row.getLong("event_position"), row.getString("event_id"),
                row.getString("previous_hash"), row.getString("link_hash"), row.getString("predecessor_hash"));
    }

    /** Where the chain ends now. */
    record Tip(long chainSeq, String hash) {
    }

    record NewLink(long chainSeq, long position, String eventId, String previousHash, String hash, Instant occurredAt) {
    }

    /** A link as stored; {@code predecessorHash} as in {@link #LINK_WITH_PREDECESSOR}. */
    record StoredLink(long chainSeq, long position, String eventId, String previousHash, String hash, @Nullable String predecessorHash) {

        /** What {@code previousHash} must be for the link to follow the one before it. */
        @Nullable String expectedPreviousHash() {
            return chainSeq == 1 ? ChainLinks.GENESIS : predecessorHash;
        }
    }
}
