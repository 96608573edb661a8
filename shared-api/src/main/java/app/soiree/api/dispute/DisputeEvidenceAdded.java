package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

public record DisputeEvidenceAdded(DisputeId disputeId, EvidenceId evidenceId, String text, List<EvidenceFileId> fileIds,
                                   UserId addedBy, Instant addedAt) {

    public DisputeEvidenceAdded {
        fileIds = List.copyOf(fileIds);
    }
}
