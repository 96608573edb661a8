package app.soiree.api.refund;

import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/**
 * The provider never answered about a refund, however often it was asked: it is left to staff. Its
 * amount stays set aside (it may have been paid out); a provider event that arrives later still settles it.
 */
public record RefundOutcomeUnknown(PaymentId paymentId, RefundId refundId, String reason, Instant at) {
}
