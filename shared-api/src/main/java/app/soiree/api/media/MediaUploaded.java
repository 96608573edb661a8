package app.soiree.api.media;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record MediaUploaded(MediaId mediaId, UserId uploaderId, MediaPurpose purpose, MediaKind kind, String contentType, long sizeBytes,
                            Instant at) {
}
