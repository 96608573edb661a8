package app.soiree.api.media;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record MediaProcessed(MediaId mediaId, UserId uploaderId, MediaFacts facts, Instant at) {
}
