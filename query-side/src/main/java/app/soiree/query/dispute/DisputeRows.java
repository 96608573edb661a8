package app.soiree.query.dispute;

import app.soiree.api.Money;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputePage;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.dispute.FindDisputes;
import app.soiree.api.dispute.FindHostDisputes;
import app.soiree.api.dispute.HostDisputePage;
import app.soiree.api.dispute.HostDisputeView;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.payment.PaymentViews;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the dispute tables. A dispute counts as overdue when the deadline said so, or when its due date has passed
 * while it still waits for evidence: the answer does not wait for the deadline to fire.
 */
@Component
class DisputeRows {

    private static final String OVERDUE = "(d.overdue or (d.status = 'NEEDS_RESPONSE' and d.evidence_due_by <= ?))";

    private final JdbcTemplate jdbc;
    private final PaymentViews payments;
    private final Clock clock;

    DisputeRows(JdbcTemplate jdbc, PaymentViews payments, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.clock = clock;
    }

    Optional<DisputeSummary> summary(DisputeId disputeId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("select d.*, " + OVERDUE + " as is_overdue from disputes d where d.dispute_id = ?", this::summaryRow, now,
                disputeId.value()).stream().findFirst();
    }

    DisputePage queue(FindDisputes query) {
        int limit = PageLimit.clamped(query.limit());
        Instant now = clock.instant();
        Cursor after = Cursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder("select d.*, " + OVERDUE + " as is_overdue from disputes d where true");
        List<Object> parameters = new ArrayList<>(List.of(Timestamp.from(now)));
        if (!query.statuses().isEmpty()) {
            sql.append(" and d.status in (").append(String.join(", ", query.statuses().stream().map(status -> "?").toList())).append(")");
            query.statuses().forEach(status -> parameters.add(status.name()));
        }
        if (query.minAmount() != null) {
            sql.append(" and d.amount >= ?");
            parameters.add(query.minAmount());
        }
        if (query.maxAmount() != null) {
            sql.append(" and d.amount <= ?");
            parameters.add(query.maxAmount());
        }
        if (query.dueWithin() != null) {
            sql.append(" and d.evidence_due_by <= ?");
            parameters.add(Timestamp.from(now.plus(query.dueWithin())));
        }
        if (after != null) {
            sql.append(" and (d.evidence_due_by, d.dispute_id) > (?, ?)");
            parameters.add(Timestamp.from(after.at()));
            parameters.add(after.id());
        }
        sql.append(" order by d.evidence_due_by, d.dispute_id limit ?");
        parameters.add(KeysetPage.rowsToFetch(limit));
        List<DisputeSummary> found = jdbc.query(sql.toString(), this::summaryRow, parameters.toArray());
        KeysetPage<DisputeSummary> page = KeysetPage.of(found, limit, summary -> new Cursor(summary.evidenceDueBy(), summary.disputeId().value()));
        Long overdue = jdbc.queryForObject("select count(*) from disputes d where d.status in ('NEEDS_RESPONSE') and " + OVERDUE,
                Long.class, Timestamp.from(now));
        return new DisputePage(page.items(), page.nextCursor(), overdue == null ? 0 : overdue);
    }

    HostDisputePage ofHost(FindHostDisputes query) {
        int limit = PageLimit.clamped(query.limit());
        Cursor before = Cursor.decode(query.cursor());
        List<Object> parameters = new ArrayList<>(List.of(query.hostId().value()));
        String sql = "select * from disputes where host_id = ?";
        if (before != null) {
            sql += " and (opened_at, dispute_id) < (?, ?)";
            parameters.add(Timestamp.from(before.at()));
            parameters.add(before.id());
        }
        sql += " order by opened_at desc, dispute_id desc limit ?";
        parameters.add(KeysetPage.rowsToFetch(limit));
        record Row(HostDisputeView view, Instant openedAt) {
        }
        List<Row> found = jdbc.query(sql, (row, number) -> new Row(new HostDisputeView(new DisputeId(uuid(row, "dispute_id")),
                new BookingId(uuid(row, "booking_id")), money(row, "amount"), DisputeStatus.valueOf(row.getString("status")),
                instant(row, "evidence_due_by")), instant(row, "opened_at")), parameters.toArray());
        KeysetPage<Row> page = KeysetPage.of(found, limit, row -> new Cursor(row.openedAt(), row.view().disputeId().value()));
        return new HostDisputePage(page.items().stream().map(Row::view).toList(), page.nextCursor());
    }

    Optional<DisputeView> view(DisputeId disputeId) {
        Timestamp now = Timestamp.from(clock.instant());
        List<DisputeView> found = jdbc.query("""
                select d.*, """ + OVERDUE + """
                 as is_overdue, g.title as gathering_title, guest.display_name as guest_name, host.display_name as host_name
                from disputes d
                left join gatherings g on g.id = d.gathering_id
                left join user_profiles guest on guest.user_id = d.guest_id
                left join user_profiles host on host.user_id = d.host_id
                where d.dispute_id = ?""", (row, number) -> {
            BookingId bookingId = new BookingId(uuid(row, "booking_id"));
            return new DisputeView(new DisputeId(uuid(row, "dispute_id")), new PaymentId(uuid(row, "payment_id")),
                    payments.forBooking(bookingId.value()).orElse(null), bookingId, new GatheringId(uuid(row, "gathering_id")),
                    row.getString("gathering_title"),
                    new DisputeView.Party(new UserId(uuid(row, "guest_id")), row.getString("guest_name")),
                    new DisputeView.Party(new UserId(uuid(row, "host_id")), row.getString("host_name")),
                    row.getString("provider"), row.getString("provider_dispute_id"), money(row, "amount"), money(row, "fee"),
                    money(row, "host_share"), row.getString("reason"), DisputeStatus.valueOf(row.getString("status")),
                    ProviderDisputeStatus.valueOf(row.getString("provider_status")), instant(row, "evidence_due_by"),
                    row.getBoolean("is_overdue"), instant(row, "opened_at"), nullableInstant(row, "submitted_at"),
                    nullableUser(row, "submitted_by"), nullableInstant(row, "accepted_at"), nullableUser(row, "accepted_by"),
                    nullableInstant(row, "closed_at"), evidence(disputeId), files(disputeId), timeline(disputeId));
        }, now, disputeId.value());
        return found.stream().findFirst();
    }

    private List<DisputeView.Evidence> evidence(DisputeId disputeId) {
        return jdbc.query("select * from dispute_evidence where dispute_id = ? order by added_at, evidence_id",
                (row, number) -> new DisputeView.Evidence(new EvidenceId(uuid(row, "evidence_id")), row.getString("text"),
                        fileIds(row.getArray("file_ids")), new UserId(uuid(row, "added_by")), instant(row, "added_at")),
                disputeId.value());
    }

    private List<DisputeView.EvidenceFile> files(DisputeId disputeId) {
        return jdbc.query("select * from dispute_files where dispute_id = ? order by uploaded_at, file_id",
                (row, number) -> new DisputeView.EvidenceFile(new EvidenceFileId(uuid(row, "file_id")), row.getString("file_name"),
                        row.getString("content_type"), row.getLong("size_bytes"), new UserId(uuid(row, "uploaded_by")),
                        instant(row, "uploaded_at")),
                disputeId.value());
    }

    private List<DisputeView.TimelineEntry> timeline(DisputeId disputeId) {
        return jdbc.query("select * from dispute_timeline where dispute_id = ? order by global_index",
                (row, number) -> new DisputeView.TimelineEntry(instant(row, "occurred_at"), row.getString("what"), row.getString("actor"),
                        row.getString("detail")),
                disputeId.value());
    }

    private DisputeSummary summaryRow(ResultSet row, int number) throws SQLException {
        return new DisputeSummary(new DisputeId(uuid(row, "dispute_id")), new PaymentId(uuid(row, "payment_id")),
                new BookingId(uuid(row, "booking_id")), new UserId(uuid(row, "host_id")), new UserId(uuid(row, "guest_id")),
                money(row, "amount"), DisputeStatus.valueOf(row.getString("status")),
                ProviderDisputeStatus.valueOf(row.getString("provider_status")), row.getString("reason"), instant(row, "evidence_due_by"),
                row.getBoolean("is_overdue"), instant(row, "opened_at"));
    }

    private static List<EvidenceFileId> fileIds(Array array) throws SQLException {
        return Arrays.stream((UUID[]) array.getArray()).map(EvidenceFileId::new).toList();
    }

    private static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    private static Money money(ResultSet row, String column) throws SQLException {
        return Money.of(row.getLong(column), row.getString("currency"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable UserId nullableUser(ResultSet row, String column) throws SQLException {
        UUID id = row.getObject(column, UUID.class);
        return id == null ? null : new UserId(id);
    }
}
