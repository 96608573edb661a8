package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends the dispute's evidence to the provider, once; the provider then decides. */
public record SubmitDisputeEvidence(@TargetAggregateIdentifier DisputeId disputeId, UserId submittedBy) {
}
