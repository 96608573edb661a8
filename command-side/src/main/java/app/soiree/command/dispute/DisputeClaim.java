package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeAccepted;
import app.soiree.api.dispute.DisputeDecision;
import app.soiree.api.dispute.DisputeDecisionFailed;
import app.soiree.api.dispute.DisputeDecisionStarted;
import app.soiree.api.dispute.DisputeEvidenceSubmitted;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

/** A {@link Dispute}'s decision on its way to the provider, as {@link DisputeDecisionStarted} claimed it, and how it ends. */
record DisputeClaim(DisputeId disputeId, DisputeDecision decision, String idempotencyKey, List<EvidenceId> evidenceIds, UserId decidedBy) {

    static DisputeClaim of(DisputeDecisionStarted started) {
        return new DisputeClaim(started.disputeId(), started.decision(), started.idempotencyKey(), started.evidenceIds(), started.decidedBy());
    }

    /** The decision happened at the provider. */
    Object done(String providerReference, Instant at) {
        return decision == DisputeDecision.SUBMIT
                ? new DisputeEvidenceSubmitted(disputeId, evidenceIds, decidedBy, providerReference, at)
                : new DisputeAccepted(disputeId, decidedBy, at);
    }

    DisputeDecisionFailed failed(String reason, Instant at) {
        return new DisputeDecisionFailed(disputeId, decision, idempotencyKey, reason, at);
    }
}
