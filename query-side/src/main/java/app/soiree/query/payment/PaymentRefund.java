package app.soiree.query.payment;

import app.soiree.api.refund.RefundRequested;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payment_refunds")
class PaymentRefund {

    @Id
    @Column(name = "refund_id")
    private UUID refundId;

    @Column(name = "payment_id", nullable = false)
    private UUID paymentId;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private String reason;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected PaymentRefund() {
    }

    PaymentRefund(RefundRequested event) {
        this.refundId = event.refundId().value();
        this.paymentId = event.paymentId().value();
        this.amount = event.amount().amountMinor();
        this.currency = event.amount().currency().getCurrencyCode();
        this.reason = event.reason();
        this.requestedAt = event.requestedAt();
    }
}
