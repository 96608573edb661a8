package app.soiree.api.media;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attaches a ready medium of the requester's own to a message, their avatar or a gathering's cover; answered with the
 * medium's {@link MediaFacts}. Attaching it again to the same thing is harmless; to anything else it is refused. A medium
 * that is not the requester's is answered as not found.
 */
public record AttachMedia(@TargetAggregateIdentifier MediaId mediaId, UserId requestedBy, MediaAttachment attachment) {
}
