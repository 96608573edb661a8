package app.soiree.api.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal to the dispute's process: the provider carried out the decision claimed under {@code idempotencyKey};
 * {@code providerReference} is what the provider calls it.
 */
public record CompleteDisputeDecision(@TargetAggregateIdentifier DisputeId disputeId, String idempotencyKey, String providerReference) {
}
