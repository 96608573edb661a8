package app.soiree.api.identity;

/** Answered with a {@link UserProfileView}, or {@code null} when no such user is known (yet). */
public record FindUserProfile(UserId userId) {
}
