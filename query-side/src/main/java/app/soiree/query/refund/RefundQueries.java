package app.soiree.query.refund;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.CancellationProgress;
import app.soiree.api.gathering.FindGatheringCancellation;
import app.soiree.api.gathering.GatheringCancellationView;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.FindRefunds;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPage;
import app.soiree.api.refund.RefundStatus;
import app.soiree.api.refund.RefundView;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Refunds for staff and for the payment views, and the refund progress of cancelled gatherings. */
@Component
public class RefundQueries {

    private final NamedParameterJdbcTemplate jdbc;

    RefundQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    RefundPage handle(FindRefunds query) {
        int limit = PageLimit.clamped(query.limit());
        Cursor before = Cursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder("select * from refunds where true");
        MapSqlParameterSource parameters = new MapSqlParameterSource("rows", KeysetPage.rowsToFetch(limit));
        if (query.bookingId() != null) {
            sql.append(" and booking_id = :bookingId");
            parameters.addValue("bookingId", query.bookingId().value());
        }
        if (query.status() != null) {
            sql.append(" and status = :status");
            parameters.addValue("status", query.status().name());
        }
        if (before != null) {
            sql.append(" and (requested_at < :at or (requested_at = :at and refund_id < :id))");
            parameters.addValue("at", Timestamp.from(before.at())).addValue("id", before.id());
        }
        sql.append(" order by requested_at desc, refund_id desc limit :rows");
        List<RefundView> rows = jdbc.query(sql.toString(), parameters, RefundQueries::view);
        KeysetPage<RefundView> page = KeysetPage.of(rows, limit, refund -> new Cursor(refund.requestedAt(), refund.refundId().value()));
        return new RefundPage(page.items(), page.nextCursor());
    }

    @QueryHandler
    @Nullable GatheringCancellationView handle(FindGatheringCancellation query) {
        List<GatheringCancellationView> found = jdbc.query("""
                select c.gathering_id, c.host_id, c.cancelled_at, c.bookings_expected,
                       (select count(*) from gathering_cancellation_bookings b where b.gathering_id = c.gathering_id) as bookings_seen,
                       count(r.refund_id) as to_refund,
                       count(r.refund_id) filter (where r.status <> 'DUE') as requested,
                       count(r.refund_id) filter (where r.status in ('SUCCEEDED', 'NOT_NEEDED')) as succeeded,
                       count(r.refund_id) filter (where r.status = 'FAILED') as failed
                from gathering_cancellations c left join gathering_cancellation_refunds r on r.gathering_id = c.gathering_id
                where c.gathering_id = :gatheringId and (:staff or c.host_id = :requestedBy)
                group by c.gathering_id, c.host_id, c.cancelled_at, c.bookings_expected""",
                new MapSqlParameterSource("gatheringId", query.gatheringId().value()).addValue("staff", query.staff())
                        .addValue("requestedBy", query.requestedBy().value()),
                (row, index) -> {
                    int toRefund = row.getInt("to_refund");
                    int succeeded = row.getInt("succeeded");
                    int failed = row.getInt("failed");
                    // Until every booking the cancellation ended has been seen, the refunds owed are not all known.
                    boolean allSeen = row.getInt("bookings_seen") >= row.getInt("bookings_expected");
                    CancellationProgress progress = !allSeen || succeeded + failed < toRefund ? CancellationProgress.IN_PROGRESS
                            : failed > 0 ? CancellationProgress.COMPLETED_WITH_FAILURES : CancellationProgress.COMPLETED;
                    return new GatheringCancellationView(new GatheringId(row.getObject("gathering_id", UUID.class)), progress, toRefund,
                            row.getInt("requested"), succeeded, failed, row.getTimestamp("cancelled_at").toInstant());
                });
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The refunds of these payments, oldest first within each, for the payment views (one query for a page of bookings). */
    public Map<UUID, List<RefundView>> forPayments(Collection<UUID> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from refunds where payment_id in (:ids) order by requested_at, refund_id",
                        new MapSqlParameterSource("ids", new ArrayList<>(paymentIds)), RefundQueries::view).stream()
                .collect(Collectors.groupingBy(refund -> refund.paymentId().value(), Collectors.toList()));
    }

    private static RefundView view(ResultSet row, int index) throws SQLException {
        Timestamp updatedAt = row.getTimestamp("updated_at");
        return new RefundView(new RefundId(row.getObject("refund_id", UUID.class)), new PaymentId(row.getObject("payment_id", UUID.class)),
                new BookingId(row.getObject("booking_id", UUID.class)),
                new Money(row.getLong("amount"), Currency.getInstance(row.getString("currency"))),
                RefundStatus.valueOf(row.getString("status")), row.getString("reason"), row.getString("requested_by"),
                row.getTimestamp("requested_at").toInstant(), updatedAt.toInstant(), row.getString("provider_reference"),
                row.getString("failure_reason"));
    }
}
