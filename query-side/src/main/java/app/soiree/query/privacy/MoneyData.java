package app.soiree.query.privacy;

import app.soiree.api.identity.UserId;
import app.soiree.query.privacy.PersonalData.BookingEntry;
import app.soiree.query.privacy.PersonalData.PaymentEntry;
import app.soiree.query.privacy.PersonalData.PayoutEntry;
import app.soiree.query.privacy.PersonalData.RefundEntry;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The user's bookings as a guest, the payments and refunds of those bookings, and their payouts as a host; from the
 * booking, payment, refund and payout read models, oldest first. A host's guests' bookings are theirs, not the host's.
 */
@Component
class MoneyData {

    private final JdbcClient jdbc;

    MoneyData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BookingEntry> bookings(UserId userId, int limit) {
        return jdbc.sql("""
                        select b.booking_id, b.gathering_id, g.title, b.tier_id, b.quantity, b.status, b.amount, b.currency,
                               b.refunded_amount, b.checked_in, b.created_at
                        from bookings b left join gatherings g on g.id = b.gathering_id
                        where b.guest_id = :user order by b.created_at, b.booking_id limit :limit""")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new BookingEntry(Rows.uuid(row, "booking_id"), Rows.uuid(row, "gathering_id"), row.getString("title"),
                        Rows.uuid(row, "tier_id"), row.getInt("quantity"), row.getString("status"), Rows.money(row, "amount", "currency"),
                        Rows.money(row, "refunded_amount", "currency"), row.getBoolean("checked_in"), Rows.instant(row, "created_at")))
                .list();
    }

    List<PaymentEntry> payments(UserId userId, int limit) {
        return jdbc.sql("""
                        select p.payment_id, p.booking_id, p.provider, p.status, p.amount, p.currency, p.refund_requested,
                               p.failure_reason, p.updated_at
                        from payments p join bookings b on b.booking_id = p.booking_id
                        where b.guest_id = :user order by b.created_at, p.payment_id limit :limit""")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new PaymentEntry(Rows.uuid(row, "payment_id"), Rows.uuid(row, "booking_id"), row.getString("provider"),
                        row.getString("status"), Rows.money(row, "amount", "currency"), Rows.money(row, "refund_requested", "currency"),
                        row.getString("failure_reason"), Rows.instant(row, "updated_at")))
                .list();
    }

    List<RefundEntry> refunds(UserId userId, int limit) {
        return jdbc.sql("""
                        select r.refund_id, r.payment_id, r.booking_id, r.amount, r.currency, r.reason, r.status, r.requested_at, r.updated_at
                        from refunds r join bookings b on b.booking_id = r.booking_id
                        where b.guest_id = :user order by r.requested_at, r.refund_id limit :limit""")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new RefundEntry(Rows.uuid(row, "refund_id"), Rows.uuid(row, "payment_id"), Rows.uuid(row, "booking_id"),
                        Rows.money(row, "amount", "currency"), row.getString("reason"), row.getString("status"),
                        Rows.instant(row, "requested_at"), Rows.instant(row, "updated_at")))
                .list();
    }

    List<PayoutEntry> payouts(UserId userId, int limit) {
        return jdbc.sql("""
                        select payout_id, amount, currency, status, requested_at, updated_at
                        from payouts where host_id = :user order by requested_at, payout_id limit :limit""")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new PayoutEntry(Rows.uuid(row, "payout_id"), Rows.money(row, "amount", "currency"),
                        row.getString("status"), Rows.instant(row, "requested_at"), Rows.instant(row, "updated_at")))
                .list();
    }
}
