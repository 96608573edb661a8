package app.soiree.api.booking;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.refund.RefundView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A booking's payment as its guest and host see it. {@code refundRequested} counts every refund
 * recorded (whatever became of it); {@code refunded} what the provider confirmed; {@code refunds} each
 * refund with its status.
 */
public record PaymentView(PaymentId paymentId, String provider, PaymentStatus status, Money amount, Money refundRequested,
                          @Nullable String failureReason, Money refunded, List<RefundView> refunds) {
}
