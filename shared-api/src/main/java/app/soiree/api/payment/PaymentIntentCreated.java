package app.soiree.api.payment;

import java.time.Instant;

public record PaymentIntentCreated(PaymentId paymentId, String provider, String providerReference, Instant createdAt) {
}
