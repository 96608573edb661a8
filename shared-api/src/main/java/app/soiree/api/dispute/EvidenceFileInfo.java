package app.soiree.api.dispute;

/**
 * What the platform recorded of an evidence file: its name, its type as read from its bytes, and its size. The bytes
 * themselves are in the object store under {@link EvidenceFileId#objectKey()}, never in a message.
 */
public record EvidenceFileInfo(EvidenceFileId fileId, String fileName, String contentType, long sizeBytes) {
}
