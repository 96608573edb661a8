package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.EvidenceFileId;
import java.util.List;

/**
 * A dispute's evidence as it goes to the provider: every text in the order it was added, and the files.
 * {@code idempotencyKey} changes with the evidence, so a retry of the same submission is recognised and a
 * submission of different evidence is not mistaken for it.
 */
public record DisputeSubmission(DisputeId disputeId, String providerDisputeId, String text, List<EvidenceFileId> fileIds,
                                String idempotencyKey) implements DisputeCall {

    public DisputeSubmission {
        fileIds = List.copyOf(fileIds);
    }
}
