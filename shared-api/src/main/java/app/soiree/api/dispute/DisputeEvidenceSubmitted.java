package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

/** The evidence went to the provider; {@code providerReference} is what the provider calls the submission, when it says. */
public record DisputeEvidenceSubmitted(DisputeId disputeId, List<EvidenceId> evidenceIds, UserId submittedBy, String providerReference,
                                       Instant submittedAt) {

    public DisputeEvidenceSubmitted {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
