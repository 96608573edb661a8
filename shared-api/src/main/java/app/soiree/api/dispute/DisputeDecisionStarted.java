package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Support's decision is on its way to the provider under {@code idempotencyKey} (the key names the evidence, so a retry
 * of the same decision carries the same key). Until {@link DisputeEvidenceSubmitted}, {@link DisputeAccepted},
 * {@link DisputeDecisionFailed} or the provider's own word follows, the dispute takes no other decision and no more
 * evidence. The dispute's status does not change: nothing is decided yet.
 */
public record DisputeDecisionStarted(DisputeId disputeId, DisputeDecision decision, String idempotencyKey, List<EvidenceId> evidenceIds,
                                     UserId decidedBy, Instant startedAt) {

    public DisputeDecisionStarted {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
