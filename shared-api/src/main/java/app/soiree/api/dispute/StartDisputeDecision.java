package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal to the dispute's process (sent by the command side's {@code DisputeResponses} for {@link SubmitDisputeEvidence}
 * and {@link AcceptDispute}): checks the decision and claims it before the provider is called. Answers what to send to
 * the provider, or nothing when the dispute was decided so already.
 */
public record StartDisputeDecision(@TargetAggregateIdentifier DisputeId disputeId, DisputeDecision decision, UserId decidedBy) {
}
