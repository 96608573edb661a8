package app.soiree.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Turns a user into a host. */
public record CreateHostProfile(@TargetAggregateIdentifier UserId userId, @Nullable String bio) {
}
