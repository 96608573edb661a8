package app.soiree.api.media;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Undoes an {@link AttachMedia} whose message was then refused (slow mode, read-only, not a member), so that the upload
 * can be sent again; a medium attached to anything else stays as it is.
 */
public record DetachMedia(@TargetAggregateIdentifier MediaId mediaId, MediaAttachment attachment) {
}
