package app.soiree.api.media;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Deletes a medium: its uploader while it is not attached; support at any time; the platform ({@code requestedBy} null)
 * when what it was attached to is deleted or replaced. Deleting it again changes nothing.
 */
public record DeleteMedia(@TargetAggregateIdentifier MediaId mediaId, @Nullable UserId requestedBy, boolean support,
                          MediaDeletion.Reason reason) {
}
