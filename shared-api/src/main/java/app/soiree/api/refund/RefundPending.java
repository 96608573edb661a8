package app.soiree.api.refund;

import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/** The provider accepted a refund ({@code providerReference}, e.g. Stripe's {@code re_…}) and will report when it is done. */
public record RefundPending(PaymentId paymentId, RefundId refundId, String providerReference, Instant at) {
}
