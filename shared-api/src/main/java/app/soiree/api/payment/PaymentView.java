package app.soiree.api.payment;

import app.soiree.api.Money;
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
