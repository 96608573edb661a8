package app.soiree.api.media;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record MediaRejected(MediaId mediaId, UserId uploaderId, String reason, Instant at) {
}
