package app.soiree.api.dispute;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the provider says about a dispute on a payment, from any of its dispute events: each carries the whole
 * dispute, so whichever arrives first opens it, and a final status closes it. Sent to the payment, where the
 * dispute's money meets the payment's captures and refunds. {@code reportedAt} is when the provider produced the
 * report; an older report never overrides a newer one.
 */
public record RecordProviderDispute(@TargetAggregateIdentifier PaymentId paymentId, DisputeId disputeId, String providerDisputeId,
                                    Money amount, String reason, ProviderDisputeStatus status, Instant evidenceDueBy,
                                    Instant reportedAt, String providerEventId) {
}
