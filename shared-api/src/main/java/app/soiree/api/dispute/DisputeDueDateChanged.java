package app.soiree.api.dispute;

import java.time.Instant;

public record DisputeDueDateChanged(DisputeId disputeId, Instant evidenceDueBy, Instant changedAt) {
}
