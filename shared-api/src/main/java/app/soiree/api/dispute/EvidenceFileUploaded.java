package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record EvidenceFileUploaded(DisputeId disputeId, EvidenceFileId fileId, String fileName, String contentType, long sizeBytes,
                                   String sha256, UserId uploadedBy, Instant uploadedAt) {
}
