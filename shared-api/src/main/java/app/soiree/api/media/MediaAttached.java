package app.soiree.api.media;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record MediaAttached(MediaId mediaId, UserId uploaderId, MediaAttachment attachment, Instant at) {
}
