package app.soiree.api.media;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Processing finished and stored every variant; a second answer for the same medium changes nothing. */
public record CompleteMediaProcessing(@TargetAggregateIdentifier MediaId mediaId, MediaFacts facts) {
}
