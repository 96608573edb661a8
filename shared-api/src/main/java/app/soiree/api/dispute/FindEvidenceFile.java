package app.soiree.api.dispute;

/**
 * An evidence file of a dispute, for support to download: answered with its {@link EvidenceFileInfo} (never its bytes,
 * which the asker reads from the object store under {@link EvidenceFileId#objectKey()}), or null when the dispute has
 * no such file.
 */
public record FindEvidenceFile(DisputeId disputeId, EvidenceFileId fileId) {
}
