package app.soiree.api.payment;

import java.time.Instant;

public record PaymentOutcomeUnknown(PaymentId paymentId, String reason, Instant at) {
}
