package app.soiree.query.payout;

import app.soiree.api.payout.FindPayouts;
import app.soiree.api.payout.PayoutAccountOpened;
import app.soiree.api.payout.PayoutAccountStatus;
import app.soiree.api.payout.PayoutAccountStatusReported;
import app.soiree.api.payout.PayoutApprovalGiven;
import app.soiree.api.payout.PayoutApproved;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.payout.PayoutRejected;
import app.soiree.api.payout.PayoutRequested;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.api.payout.PayoutSent;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutTransferRetried;
import app.soiree.api.payout.PayoutTransferUnanswered;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code payouts}, {@code payout_approvals} and {@code payout_accounts} in step with the payout and
 * wallet events; each handler is safe to run again for the same event. Every change of a payout is sent
 * to the subscribers of {@link FindPayouts} whose status it entered or left, so the finance queue of the
 * console refreshes live (the update is sent once the change is committed).
 */
@Component
@ProcessingGroup(PayoutProjection.PROCESSING_GROUP)
class PayoutProjection {

    static final String PROCESSING_GROUP = "payout-views";
    private static final List<String> FINAL = List.of(PayoutStatus.PAID.name(), PayoutStatus.FAILED.name(), PayoutStatus.REJECTED.name());

    private final JdbcTemplate jdbc;
    private final PayoutReads reads;
    private final QueryUpdateEmitter emitter;

    PayoutProjection(JdbcTemplate jdbc, PayoutReads reads, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.emitter = emitter;
    }

    @EventHandler
    void on(PayoutRequested event) {
        PayoutStatus status = event.requiredApprovals() == 0 ? PayoutStatus.REQUESTED : PayoutStatus.PENDING_APPROVAL;
        int inserted = jdbc.update("""
                insert into payouts (payout_id, host_id, amount, currency, status, required_approvals, requested_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (payout_id) do nothing""",
                event.payoutId().value(), event.hostId().value(), event.amount().amountMinor(), event.amount().currency().getCurrencyCode(),
                status.name(), event.requiredApprovals(), at(event.requestedAt()), at(event.requestedAt()));
        if (inserted == 1) {
            announce(event.payoutId(), null);
        }
    }

    @EventHandler
    void on(PayoutApprovalGiven event) {
        jdbc.update("insert into payout_approvals (payout_id, approved_by, approved_at) values (?, ?, ?) on conflict do nothing",
                event.payoutId().value(), event.approvedBy().value(), at(event.approvedAt()));
        PayoutStatus before = statusOf(event.payoutId());
        jdbc.update("update payouts set updated_at = ? where payout_id = ?", at(event.approvedAt()), event.payoutId().value());
        announce(event.payoutId(), before);
    }

    @EventHandler
    void on(PayoutApproved event) {
        move(event.payoutId(), PayoutStatus.APPROVED, event.approvedAt(),
                "decided_by = ?", event.decidedBy() == null ? null : event.decidedBy().value());
    }

    @EventHandler
    void on(PayoutRejected event) {
        move(event.payoutId(), PayoutStatus.REJECTED, event.rejectedAt(), "decided_by = ?, reason = ?", event.rejectedBy().value(),
                event.reason());
    }

    @EventHandler
    void on(PayoutSent event) {
        jdbc.update("update payouts set updated_at = ? where payout_id = ?", at(event.sentAt()), event.payoutId().value());
    }

    @EventHandler
    void on(PayoutTransferUnanswered event) {
        jdbc.update("update payouts set needs_attention = ?, updated_at = ? where payout_id = ?", event.gaveUp(), at(event.at()),
                event.payoutId().value());
    }

    @EventHandler
    void on(PayoutTransferRetried event) {
        jdbc.update("update payouts set needs_attention = false, updated_at = ? where payout_id = ?", at(event.at()),
                event.payoutId().value());
    }

    @EventHandler
    void on(PayoutPaid event) {
        move(event.payoutId(), PayoutStatus.PAID, event.paidAt(), "transfer_reference = ?, needs_attention = false",
                event.transferReference());
    }

    @EventHandler
    void on(PayoutFailed event) {
        move(event.payoutId(), PayoutStatus.FAILED, event.failedAt(), "reason = ?, needs_attention = false", event.reason());
    }

    /** A payout reversed in full ends FAILED: the host got nothing in the end. */
    @EventHandler
    void on(PayoutReversed event) {
        PayoutStatus before = statusOf(event.payoutId());
        jdbc.update("""
                update payouts set reversed = greatest(reversed, ?), updated_at = ?,
                       status = case when ? >= amount then 'FAILED' else status end,
                       reason = case when ? >= amount then ? else reason end
                where payout_id = ?""",
                event.totalReversed().amountMinor(), at(event.reversedAt()), event.totalReversed().amountMinor(),
                event.totalReversed().amountMinor(), "the provider reversed the transfer " + event.transferReference(),
                event.payoutId().value());
        announce(event.payoutId(), before);
    }

    @EventHandler
    void on(PayoutAccountOpened event) {
        PayoutAccountStatus status = event.transfersEnabled() ? PayoutAccountStatus.ENABLED : PayoutAccountStatus.ONBOARDING;
        jdbc.update("""
                insert into payout_accounts (host_id, provider, account_id, status, opened_at, updated_at)
                values (?, ?, ?, ?, ?, ?) on conflict (host_id) do nothing""",
                event.hostId().value(), event.provider(), event.accountId(), status.name(), at(event.openedAt()), at(event.openedAt()));
    }

    /** Disabled once it had been enabled; still onboarding before that. The wallet has put reports in order already. */
    @EventHandler
    void on(PayoutAccountStatusReported event) {
        jdbc.update("""
                update payout_accounts set updated_at = ?,
                       status = case when ? then 'ENABLED' when status = 'ONBOARDING' then 'ONBOARDING' else 'DISABLED' end
                where host_id = ? and account_id = ?""",
                at(event.reportedAt()), event.transfersEnabled(), event.hostId().value(), event.accountId());
    }

    /** Moves a payout on, unless it reached a final status (a redelivered event must not undo a later one). */
    private void move(PayoutId payoutId, PayoutStatus next, Instant at, String setAlso, @Nullable Object... alsoArguments) {
        PayoutStatus before = statusOf(payoutId);
        Object[] arguments = new Object[alsoArguments.length + 4];
        arguments[0] = next.name();
        arguments[1] = at(at);
        System.arraycopy(alsoArguments, 0, arguments, 2, alsoArguments.length);
        arguments[alsoArguments.length + 2] = payoutId.value();
        arguments[alsoArguments.length + 3] = FINAL.contains(next.name()) ? next.name() : "";
        int moved = jdbc.update("update payouts set status = ?, updated_at = ?, " + setAlso
                + " where payout_id = ? and (status not in ('PAID', 'FAILED', 'REJECTED') or status = ?)", arguments);
        if (moved == 1) {
            announce(payoutId, before);
        }
    }

    private @Nullable PayoutStatus statusOf(PayoutId payoutId) {
        return jdbc.queryForList("select status from payouts where payout_id = ?", String.class, payoutId.value()).stream()
                .findFirst().map(PayoutStatus::valueOf).orElse(null);
    }

    private void announce(PayoutId payoutId, @Nullable PayoutStatus before) {
        reads.find(payoutId).ifPresent(view -> emitter.emit(FindPayouts.class, query -> query.concerns(before, view.status()), view));
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
