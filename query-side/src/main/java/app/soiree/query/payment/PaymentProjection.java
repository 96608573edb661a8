package app.soiree.query.payment;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.refund.RefundRequested;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code payments} in step with the payment events, one statement an event (every paid booking passes through
 * here four times; entities cost a read, a dirty check and a write each). Every statement is safe to run twice for one
 * event: a payment is inserted once, a refund counted once per refund id, and a status moves only where
 * {@link #MOVES} lets it.
 */
@Component
@ProcessingGroup(PaymentProjection.PROCESSING_GROUP)
class PaymentProjection {

    static final String PROCESSING_GROUP = "payments";
    /**
     * A capture is final; any other status may follow another (a success may follow a failure), except that nothing goes
     * back to REQUESTED and an intent reported after the failure it preceded changes nothing. Redelivered events therefore
     * land where they landed before.
     */
    private static final String MOVES = """
            status <> 'CAPTURED' and not (? = 'AWAITING_PAYMENT' and status = 'DECLINED')""";

    private final JdbcTemplate jdbc;

    PaymentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentRequested event) {
        jdbc.update("""
                        insert into payments (payment_id, booking_id, provider, status, amount, currency, refund_requested, updated_at)
                        values (?, ?, ?, ?, ?, ?, 0, ?) on conflict (payment_id) do nothing""",
                event.paymentId().value(), event.bookingId().value(), event.provider(),
                (event.providerReference() == null ? PaymentStatus.REQUESTED : PaymentStatus.AWAITING_PAYMENT).name(),
                event.amount().amountMinor(),
                event.amount().currency().getCurrencyCode(), Timestamp.from(event.requestedAt()));
    }

    @EventHandler
    void on(PaymentIntentCreated event) {
        moveTo(event.paymentId(), PaymentStatus.AWAITING_PAYMENT, event.createdAt());
    }

    @EventHandler
    void on(PaymentOutcomeUnknown event) {
        moveTo(event.paymentId(), PaymentStatus.OUTCOME_UNKNOWN, event.at());
    }

    @EventHandler
    void on(PaymentCaptured event) {
        moveTo(event.paymentId(), PaymentStatus.CAPTURED, event.capturedAt());
    }

    @EventHandler
    void on(PaymentDeclined event) {
        int moved = jdbc.update("update payments set status = 'DECLINED', failure_reason = ?, updated_at = ? where payment_id = ? and "
                + MOVES, event.reason(), Timestamp.from(event.declinedAt()), event.paymentId().value(), PaymentStatus.DECLINED.name());
        requireKnownUnless(moved, event.paymentId());
    }

    /** Counted once per refund id, so a redelivered event adds nothing. */
    @EventHandler
    void on(RefundRequested event) {
        Boolean counted = jdbc.queryForObject("""
                        with refund as (
                            insert into payment_refunds (refund_id, payment_id, amount, currency, reason, requested_at)
                            values (?, ?, ?, ?, ?, ?) on conflict (refund_id) do nothing returning payment_id),
                        counted as (
                            update payments p set refund_requested = p.refund_requested + ?, updated_at = ?
                            from refund where p.payment_id = refund.payment_id returning 1)
                        select (select count(*) from counted) = (select count(*) from refund)""", Boolean.class,
                event.refundId().value(), event.paymentId().value(), event.amount().amountMinor(),
                event.amount().currency().getCurrencyCode(), event.reason(), Timestamp.from(event.requestedAt()),
                event.amount().amountMinor(), Timestamp.from(event.requestedAt()));
        if (!Boolean.TRUE.equals(counted)) {
            throw unknown(event.paymentId()); // rolls the refund's row back with the batch
        }
    }

    private void moveTo(PaymentId paymentId, PaymentStatus next, Instant at) {
        int moved = jdbc.update("update payments set status = ?, updated_at = ? where payment_id = ? and " + MOVES,
                next.name(), Timestamp.from(at), paymentId.value(), next.name());
        requireKnownUnless(moved, paymentId);
    }

    /** A status that did not move is fine (a capture stays); a payment this projection never saw requested is not. */
    private void requireKnownUnless(int moved, PaymentId paymentId) {
        if (moved == 0 && jdbc.queryForList("select 1 from payments where payment_id = ?", paymentId.value()).isEmpty()) {
            throw unknown(paymentId);
        }
    }

    private static IllegalStateException unknown(PaymentId paymentId) {
        return new IllegalStateException("Payment " + paymentId + " has an event but was never requested in this projection");
    }
}
