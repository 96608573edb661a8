package app.soiree.query.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.PayoutApprovalView;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Payout rows into views, with their approvals, one query per page rather than per payout. */
@Component
class PayoutReads {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    PayoutReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<PayoutView> find(PayoutId payoutId) {
        return views(jdbc.query("select * from payouts where payout_id = ?", PayoutReads::row, payoutId.value())).stream().findFirst();
    }

    /** Runs a query for payout rows and answers their views, in the same order. */
    List<PayoutView> query(String sql, Object... arguments) {
        return views(jdbc.query(sql, PayoutReads::row, arguments));
    }

    private List<PayoutView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PayoutApprovalView>> approvals = approvalsOf(rows.stream().map(Row::payoutId).toList());
        return rows.stream().map(row -> row.toView(approvals.getOrDefault(row.payoutId(), List.of()))).toList();
    }

    private Map<UUID, List<PayoutApprovalView>> approvalsOf(Collection<UUID> payoutIds) {
        Map<UUID, List<PayoutApprovalView>> approvals = new HashMap<>();
        named.query("select * from payout_approvals where payout_id in (:ids) order by approved_at, approved_by",
                new MapSqlParameterSource("ids", payoutIds), (ResultSet result) -> {
                    approvals.computeIfAbsent(result.getObject("payout_id", UUID.class), id -> new ArrayList<>())
                            .add(new PayoutApprovalView(new UserId(result.getObject("approved_by", UUID.class)),
                                    instant(result, "approved_at")));
                });
        return approvals;
    }

    record Row(UUID payoutId, UUID hostId, long amount, String currency, PayoutStatus status, int requiredApprovals, Instant requestedAt,
               Instant updatedAt, @Nullable UUID decidedBy, @Nullable String reason, @Nullable String transferReference, long reversed,
               boolean needsAttention) {

        PayoutView toView(List<PayoutApprovalView> approvals) {
            return new PayoutView(new PayoutId(payoutId), new UserId(hostId), Money.of(amount, currency), status, requestedAt, approvals,
                    requiredApprovals, decidedBy == null ? null : new UserId(decidedBy), reason, transferReference,
                    Money.of(reversed, currency), needsAttention, updatedAt);
        }
    }

    private static Row row(ResultSet result, int number) throws SQLException {
        return new Row(result.getObject("payout_id", UUID.class), result.getObject("host_id", UUID.class), result.getLong("amount"),
                result.getString("currency"), PayoutStatus.valueOf(result.getString("status")), result.getInt("required_approvals"),
                instant(result, "requested_at"), instant(result, "updated_at"), result.getObject("decided_by", UUID.class),
                result.getString("reason"), result.getString("transfer_reference"), result.getLong("reversed"),
                result.getBoolean("needs_attention"));
    }

    static Instant instant(ResultSet result, String column) throws SQLException {
        return result.getObject(column, OffsetDateTime.class).toInstant();
    }
}
