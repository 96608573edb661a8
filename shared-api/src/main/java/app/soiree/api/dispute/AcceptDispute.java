package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Concedes the dispute at the provider. The loss is booked when the provider reports the dispute lost. */
public record AcceptDispute(@TargetAggregateIdentifier DisputeId disputeId, UserId acceptedBy) {
}
