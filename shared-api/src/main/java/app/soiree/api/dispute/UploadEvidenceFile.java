package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * An evidence file from the staff console, which reaches the file store only through the command bus: checked and
 * stored exactly as an upload to the staff API is, then recorded on the dispute ({@link RecordEvidenceFile}). The
 * sender names the file id, so that the evidence that follows can refer to it. {@code declaredType} is the browser's
 * word and is checked against the content.
 */
public record UploadEvidenceFile(@TargetAggregateIdentifier DisputeId disputeId, EvidenceFileId fileId, @Nullable String fileName,
                                 @Nullable String declaredType, byte[] content, UserId uploadedBy) {

    /** The bytes stay out of logs. */
    @Override
    public String toString() {
        return "UploadEvidenceFile[disputeId=" + disputeId + ", fileId=" + fileId + ", fileName=" + fileName + ", declaredType="
                + declaredType + ", sizeBytes=" + content.length + ", uploadedBy=" + uploadedBy + "]";
    }
}
