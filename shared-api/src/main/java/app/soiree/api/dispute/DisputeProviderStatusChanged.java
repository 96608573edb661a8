package app.soiree.api.dispute;

import java.time.Instant;

public record DisputeProviderStatusChanged(DisputeId disputeId, ProviderDisputeStatus status, Instant changedAt) {
}
