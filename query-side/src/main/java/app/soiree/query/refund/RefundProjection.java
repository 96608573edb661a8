package app.soiree.query.refund;

import app.soiree.api.identity.Actor;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundOutcomeUnknown;
import app.soiree.api.refund.RefundPending;
import app.soiree.api.refund.RefundRequested;
import app.soiree.api.refund.RefundReversed;
import app.soiree.api.refund.RefundStatus;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code refunds} in step with the refund events of payments. A refund's events arrive in the
 * order they happened (one processor, one segment), and each update only moves a refund on from the
 * statuses it can come from, so an event delivered again changes nothing.
 */
@Component
@ProcessingGroup(RefundProjection.PROCESSING_GROUP)
class RefundProjection {

    static final String PROCESSING_GROUP = "refund-views";

    private final JdbcTemplate jdbc;

    RefundProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RefundRequested event, @MetaDataValue(Actor.USER_ID_KEY) @Nullable String requestedBy) {
        jdbc.update("""
                insert into refunds (refund_id, payment_id, booking_id, gathering_id, amount, currency, reason, status, requested_by,
                                     requested_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (refund_id) do nothing""",
                event.refundId().value(), event.paymentId().value(), event.bookingId().value(), event.gatheringId().value(),
                event.amount().amountMinor(), event.amount().currency().getCurrencyCode(), event.reason(), RefundStatus.REQUESTED.name(),
                requestedBy == null ? Actor.SYSTEM : requestedBy, timestamp(event.requestedAt()), timestamp(event.requestedAt()));
    }

    @EventHandler
    void on(RefundPending event) {
        jdbc.update("""
                update refunds set status = ?, provider_reference = ?, updated_at = ?
                where refund_id = ? and status in ('REQUESTED', 'OUTCOME_UNKNOWN')""",
                RefundStatus.PENDING.name(), event.providerReference(), timestamp(event.at()), event.refundId().value());
    }

    @EventHandler
    void on(RefundOutcomeUnknown event) {
        jdbc.update("""
                update refunds set status = ?, failure_reason = ?, updated_at = ?
                where refund_id = ? and status in ('REQUESTED', 'PENDING')""",
                RefundStatus.OUTCOME_UNKNOWN.name(), event.reason(), timestamp(event.at()), event.refundId().value());
    }

    @EventHandler
    void on(PaymentRefunded event) {
        jdbc.update("""
                update refunds set status = ?, provider_reference = coalesce(?, provider_reference), failure_reason = null, updated_at = ?
                where refund_id = ? and status not in ('SUCCEEDED', 'FAILED')""",
                RefundStatus.SUCCEEDED.name(), event.providerReference(), timestamp(event.refundedAt()), event.refundId().value());
    }

    @EventHandler
    void on(RefundFailed event) {
        failed(event.refundId().value(), event.reason(), event.failedAt());
    }

    @EventHandler
    void on(RefundReversed event) {
        failed(event.refundId().value(), event.reason(), event.reversedAt());
    }

    private void failed(java.util.UUID refundId, String reason, Instant at) {
        jdbc.update("update refunds set status = ?, failure_reason = ?, updated_at = ? where refund_id = ? and status <> 'FAILED'",
                RefundStatus.FAILED.name(), reason, timestamp(at), refundId);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
