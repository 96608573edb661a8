package app.soiree.query.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.FindHostPayouts;
import app.soiree.api.payout.FindPayout;
import app.soiree.api.payout.FindPayoutAccount;
import app.soiree.api.payout.FindPayoutRiskHints;
import app.soiree.api.payout.FindPayouts;
import app.soiree.api.payout.PayoutAccountStatus;
import app.soiree.api.payout.PayoutAccountView;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPage;
import app.soiree.api.payout.PayoutRiskHints;
import app.soiree.api.payout.PayoutView;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class PayoutQueries {

    private final JdbcTemplate jdbc;
    private final PayoutReads reads;

    PayoutQueries(JdbcTemplate jdbc, PayoutReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    @QueryHandler
    @Nullable PayoutView handle(FindPayout query) {
        return reads.find(query.payoutId()).orElse(null);
    }

    /** Oldest request first: the finance queue is worked from the front. */
    @QueryHandler
    PayoutPage handle(FindPayouts query) {
        int limit = PageLimit.clamped(query.limit());
        Cursor after = Cursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder("select * from payouts where true");
        List<Object> arguments = new ArrayList<>();
        if (query.status() != null) {
            sql.append(" and status = ?");
            arguments.add(query.status().name());
        }
        if (after != null) {
            sql.append(" and (requested_at, payout_id) > (?, ?)");
            arguments.add(Timestamp.from(after.at()));
            arguments.add(after.id());
        }
        sql.append(" order by requested_at, payout_id limit ?");
        arguments.add(KeysetPage.rowsToFetch(limit));
        return page(reads.query(sql.toString(), arguments.toArray()), limit);
    }

    /** Newest first. */
    @QueryHandler
    PayoutPage handle(FindHostPayouts query) {
        int limit = PageLimit.clamped(query.limit());
        Cursor before = Cursor.decode(query.cursor());
        List<PayoutView> rows = before == null
                ? reads.query("select * from payouts where host_id = ? order by requested_at desc, payout_id desc limit ?",
                        query.hostId().value(), KeysetPage.rowsToFetch(limit))
                : reads.query("""
                        select * from payouts where host_id = ? and (requested_at, payout_id) < (?, ?)
                        order by requested_at desc, payout_id desc limit ?""",
                        query.hostId().value(), Timestamp.from(before.at()), before.id(), KeysetPage.rowsToFetch(limit));
        return page(rows, limit);
    }

    @QueryHandler
    PayoutAccountView handle(FindPayoutAccount query) {
        return jdbc.query("select * from payout_accounts where host_id = ?", (row, number) -> new PayoutAccountView(
                        PayoutAccountStatus.valueOf(row.getString("status")), row.getString("provider"), row.getString("account_id"),
                        PayoutReads.instant(row, "opened_at"), PayoutReads.instant(row, "updated_at")),
                query.hostId().value()).stream().findFirst().orElseGet(PayoutAccountView::none);
    }

    /**
     * Cheap signals read from what this side already keeps: counts over the payout, dispute, gathering and
     * refund tables of this same read side, each narrowed by an index on the host. A dispute is open until
     * it is WON or LOST, as {@code DisputeStatus.isClosed} has it.
     */
    @QueryHandler
    @Nullable PayoutRiskHints handle(FindPayoutRiskHints query) {
        PayoutView payout = reads.find(query.payoutId()).orElse(null);
        if (payout == null) {
            return null;
        }
        UserId hostId = payout.hostId();
        Instant hostSince = first(jdbc.queryForList("select registered_at from user_profiles where user_id = ?", Timestamp.class,
                hostId.value()));
        Instant accountOpened = first(jdbc.queryForList("select opened_at from payout_accounts where host_id = ?", Timestamp.class,
                hostId.value()));
        Map<String, Object> history = jdbc.queryForMap("""
                select count(*) filter (where status = 'PAID') as paid,
                       coalesce(sum(amount - reversed) filter (where status = 'PAID' and currency = ?), 0) as paid_total,
                       count(*) filter (where status in ('FAILED', 'REJECTED')) as failed_or_rejected
                from payouts where host_id = ? and payout_id <> ?""",
                payout.amount().currency().getCurrencyCode(), hostId.value(), query.payoutId().value());
        return new PayoutRiskHints(query.payoutId(), hostId, hostSince, accountOpened, ((Number) history.get("paid")).longValue(),
                new Money(((Number) history.get("paid_total")).longValue(), payout.amount().currency()),
                ((Number) history.get("failed_or_rejected")).longValue(), openDisputes(hostId), refundsSinceLastPayout(hostId, query.payoutId()));
    }

    private int openDisputes(UserId hostId) {
        Integer open = jdbc.queryForObject("select count(*) from disputes where host_id = ? and status not in ('WON', 'LOST')",
                Integer.class, hostId.value());
        return open == null ? 0 : open;
    }

    /** Refunds of the host's gatherings that did not fail, asked for after the request of their last paid payout (other than this one). */
    private long refundsSinceLastPayout(UserId hostId, PayoutId payoutId) {
        Long refunds = jdbc.queryForObject("""
                select count(*) from refunds r join gatherings g on g.id = r.gathering_id
                where g.host_id = ? and r.status <> 'FAILED'
                  and r.requested_at > coalesce((select max(requested_at) from payouts
                                                 where host_id = ? and status = 'PAID' and payout_id <> ?), '-infinity')""",
                Long.class, hostId.value(), hostId.value(), payoutId.value());
        return refunds == null ? 0 : refunds;
    }

    private static PayoutPage page(List<PayoutView> rows, int limit) {
        KeysetPage<PayoutView> page = KeysetPage.of(rows, limit, view -> new Cursor(view.requestedAt(), view.payoutId().value()));
        return new PayoutPage(page.items(), page.nextCursor());
    }

    private static @Nullable Instant first(List<Timestamp> values) {
        return values.isEmpty() ? null : values.getFirst().toInstant();
    }
}
