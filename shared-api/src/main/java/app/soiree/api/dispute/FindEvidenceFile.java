package app.soiree.api.dispute;

/** The bytes of an evidence file, for support to download; null when the dispute has no such file. */
public record FindEvidenceFile(DisputeId disputeId, EvidenceFileId fileId) {
}
