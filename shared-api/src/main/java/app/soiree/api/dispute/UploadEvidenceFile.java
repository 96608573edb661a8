package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * An evidence file from the staff console, whose bytes the console has already put in the object store under
 * {@link EvidenceFileId#objectKey()}: the command carries no bytes. The command side reads the object, checks it exactly
 * as an upload to the staff API is checked (type by content, size, the dispute's room for files) and records it on the
 * dispute ({@link RecordEvidenceFile}); a refused file's object is deleted. The sender names the file id, so that the
 * evidence that follows can refer to it; it must be a fresh one. {@code declaredType} is the browser's word and is
 * checked against the content.
 */
public record UploadEvidenceFile(@TargetAggregateIdentifier DisputeId disputeId, EvidenceFileId fileId, @Nullable String fileName,
                                 @Nullable String declaredType, UserId uploadedBy) {
}
