package app.soiree.command.identity;

/** What a successful login or refresh returns. {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
}
