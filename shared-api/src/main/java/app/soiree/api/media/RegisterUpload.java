package app.soiree.api.media;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An upload whose bytes are already in the object store, sniffed and within its purpose's limits. */
public record RegisterUpload(@TargetAggregateIdentifier MediaId mediaId, UserId uploaderId, MediaPurpose purpose, String contentType,
                             long sizeBytes) {
}
