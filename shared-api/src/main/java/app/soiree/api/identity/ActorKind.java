package app.soiree.api.identity;

import org.jspecify.annotations.Nullable;

/**
 * What kind of actor a message stems from, carried as metadata ({@link #KEY}) beside {@link Actor#USER_ID_KEY}
 * on every command and inherited by everything it causes: a signed-in user, a payment or messaging provider
 * (a webhook), a deadline that came due, or the platform acting on its own.
 */
public enum ActorKind {
    USER,
    PROVIDER,
    DEADLINE,
    SYSTEM;

    public static final String KEY = "actorKind";
    /** How a provider is named in {@link Actor#USER_ID_KEY}: {@code provider:stripe}, {@code provider:twilio}. */
    public static final String PROVIDER_PREFIX = "provider:";

    /**
     * The kind a message's acting user id implies, for messages that carry no {@link #KEY} (those stored before it
     * existed, and commands stamped only with a user id): no user or {@link Actor#SYSTEM} is the platform, a
     * {@code provider:} name is a provider, anything else a user. A deadline cannot be told from a user id.
     */
    public static ActorKind impliedBy(@Nullable Object userId) {
        if (userId == null || Actor.SYSTEM.equals(userId.toString()) || userId.toString().isBlank()) {
            return SYSTEM;
        }
        return userId.toString().startsWith(PROVIDER_PREFIX) ? PROVIDER : USER;
    }

    /** The kind a metadata value names, or the one {@code userId} implies when the value is absent or unknown. */
    public static ActorKind read(@Nullable Object kind, @Nullable Object userId) {
        if (kind != null) {
            for (ActorKind each : values()) {
                if (each.name().equals(kind.toString())) {
                    return each;
                }
            }
        }
        return impliedBy(userId);
    }
}
