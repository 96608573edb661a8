package app.soiree.api.media;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Processing refused the file; {@code reason} is shown to its uploader. */
public record RejectMedia(@TargetAggregateIdentifier MediaId mediaId, String reason) {
}
