package app.soiree.api.dispute;

public record EvidenceFileContent(EvidenceFileId fileId, String fileName, String contentType, byte[] content) {
}
