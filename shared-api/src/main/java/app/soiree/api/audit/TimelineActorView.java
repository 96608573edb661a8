package app.soiree.api.audit;

import app.soiree.api.identity.ActorKind;
import org.jspecify.annotations.Nullable;

/**
 * Who an event stems from. {@code userId} and {@code roles} (comma-separated) name the user for {@link ActorKind#USER};
 * {@code provider} names the provider ({@code stripe}, {@code twilio}, {@code simulated}) for {@link ActorKind#PROVIDER}.
 */
public record TimelineActorView(@Nullable String userId, @Nullable String roles, ActorKind kind, @Nullable String provider) {
}
