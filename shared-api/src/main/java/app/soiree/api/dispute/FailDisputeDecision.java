package app.soiree.api.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal to the dispute's process: the provider refused the decision claimed under {@code idempotencyKey}, or failed. */
public record FailDisputeDecision(@TargetAggregateIdentifier DisputeId disputeId, String idempotencyKey, String reason) {
}
