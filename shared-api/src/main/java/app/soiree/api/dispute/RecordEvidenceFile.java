package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A file support uploaded as evidence, already checked and stored; its bytes stay in the object store ({@link EvidenceFileId#objectKey()}). */
public record RecordEvidenceFile(@TargetAggregateIdentifier DisputeId disputeId, EvidenceFileId fileId, String fileName,
                                 String contentType, long sizeBytes, String sha256, UserId uploadedBy) {
}
