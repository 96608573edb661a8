package app.soiree.query.payment;

import app.soiree.api.Money;
import app.soiree.api.booking.PaymentView;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.refund.RefundStatus;
import app.soiree.api.refund.RefundView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** A payment as the booking views read it; {@link PaymentProjection} writes the table, statement by statement. */
@Entity
@Immutable
@Table(name = "payments")
class PaymentRow {

    @Id
    @Column(name = "payment_id")
    private UUID paymentId;

    @Column(name = "booking_id", nullable = false)
    private UUID bookingId;

    @Column(nullable = false)
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "refund_requested", nullable = false)
    private long refundRequested;

    @Column(name = "failure_reason")
    private @Nullable String failureReason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PaymentRow() {
    }

    UUID bookingId() {
        return bookingId;
    }

    UUID id() {
        return paymentId;
    }

    /** {@code refunds} as guests and hosts see them: without who asked for each. */
    PaymentView toView(List<RefundView> refunds) {
        Currency money = Currency.getInstance(currency);
        long refunded = refunds.stream().filter(refund -> refund.status() == RefundStatus.SUCCEEDED)
                .mapToLong(refund -> refund.amount().amountMinor()).sum();
        return new PaymentView(new PaymentId(paymentId), provider, status, new Money(amount, money), new Money(refundRequested, money),
                failureReason, new Money(refunded, money), refunds.stream().map(RefundView::withoutRequester).toList());
    }
}
