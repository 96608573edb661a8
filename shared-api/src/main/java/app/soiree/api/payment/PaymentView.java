package app.soiree.api.payment;

import app.soiree.api.Money;
import org.jspecify.annotations.Nullable;

/** A booking's payment as its guest and host see it. */
public record PaymentView(PaymentId paymentId, String provider, PaymentStatus status, Money amount, Money refundRequested,
                          @Nullable String failureReason) {
}
