package app.soiree.api.dispute;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Follows {@link ProviderDisputeUpdated}: the provider's status and due date of an open dispute. */
public record RecordProviderDisputeUpdate(@TargetAggregateIdentifier DisputeId disputeId, ProviderDisputeStatus status,
                                          Instant evidenceDueBy) {
}
