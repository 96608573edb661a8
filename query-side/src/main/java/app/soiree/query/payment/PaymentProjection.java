package app.soiree.query.payment;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.refund.RefundRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps {@code payments} in step with the payment events; every handler is safe to run twice for one event. */
@Component
@ProcessingGroup(PaymentProjection.PROCESSING_GROUP)
class PaymentProjection {

    static final String PROCESSING_GROUP = "payments";

    private final PaymentRowRepository payments;
    private final PaymentRefundRepository refunds;

    PaymentProjection(PaymentRowRepository payments, PaymentRefundRepository refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @EventHandler
    void on(PaymentRequested event) {
        if (!payments.existsById(event.paymentId().value())) {
            payments.save(new PaymentRow(event));
        }
    }

    @EventHandler
    void on(PaymentIntentCreated event) {
        payment(event.paymentId()).moveTo(PaymentStatus.AWAITING_PAYMENT, event.createdAt());
    }

    @EventHandler
    void on(PaymentOutcomeUnknown event) {
        payment(event.paymentId()).moveTo(PaymentStatus.OUTCOME_UNKNOWN, event.at());
    }

    @EventHandler
    void on(PaymentCaptured event) {
        payment(event.paymentId()).moveTo(PaymentStatus.CAPTURED, event.capturedAt());
    }

    @EventHandler
    void on(PaymentDeclined event) {
        payment(event.paymentId()).decline(event.reason(), event.declinedAt());
    }

    /** Counted once per refund id, so a redelivered event adds nothing. */
    @EventHandler
    void on(RefundRequested event) {
        if (!refunds.existsById(event.refundId().value())) {
            refunds.save(new PaymentRefund(event));
            payment(event.paymentId()).requestRefund(event.amount().amountMinor(), event.requestedAt());
        }
    }

    private PaymentRow payment(PaymentId paymentId) {
        return payments.findById(paymentId.value()).orElseThrow(() -> new IllegalStateException(
                "Payment " + paymentId + " has an event but was never requested in this projection"));
    }
}
