package app.soiree.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Opens a self-service account (role GUEST). The email is already normalised and claimed by the caller. */
public record RegisterUser(
        @TargetAggregateIdentifier UserId userId,
        String email,
        String displayName,
        @Nullable String phone) {
}
