package app.soiree.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** What a user shows others: a null field stays as it is; an empty bio removes it. */
public record ChangeProfile(@TargetAggregateIdentifier UserId userId, @Nullable String displayName, @Nullable String bio) {
}
