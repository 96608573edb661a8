package app.soiree.api.dispute;

import java.time.Instant;

/**
 * The evidence due date passed and nothing was submitted or conceded. The dispute stays open (it is not accepted
 * on support's behalf); the provider will most likely decide against the platform.
 */
public record DisputeEvidenceOverdue(DisputeId disputeId, Instant evidenceDueBy, int evidenceCount, Instant markedAt) {
}
