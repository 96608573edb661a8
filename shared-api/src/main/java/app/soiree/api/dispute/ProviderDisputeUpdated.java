package app.soiree.api.dispute;

import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/** The provider changed an open dispute without deciding it: its status (e.g. under review) or its evidence due date. */
public record ProviderDisputeUpdated(PaymentId paymentId, DisputeId disputeId, ProviderDisputeStatus status, Instant evidenceDueBy,
                                     Instant reportedAt, String providerEventId) {
}
