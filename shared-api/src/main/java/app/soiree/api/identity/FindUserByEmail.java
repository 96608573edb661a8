package app.soiree.api.identity;

/** For staff. Answered with a {@link UserProfileView}, or {@code null} when no account has this email. */
public record FindUserByEmail(String email) {
}
