package app.soiree.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers access tokens whose signature and claims were verified, until they expire. Verifying an RS256
 * signature is the most expensive step of an authenticated request (a tenth of the server's CPU in a booking
 * rush), and a client sends the same token with every request for its lifetime. Sign-out revokes refresh
 * tokens, not access tokens, so a remembered token is exactly as valid as a freshly verified one: it is
 * forgotten at its {@code exp}, and a token that failed verification is never remembered. (The one refusal
 * that comes before expiry, an erased user's, is checked around this cache: {@link ErasedUsersRefused}.)
 * Keyed by the whole token, so no other token can match an entry.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    VerifiedTokens(JwtDecoder verifier, long maximumTokens, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .expireAfter(Expiry.<String, Verified>creating((token, known) -> untilExpiry(known.expiresAt())))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Verified known = verified.getIfPresent(token);
        // The cache forgets a token at its expiry; this is the check that holds even if the cache is late.
        if (known != null && known.expiresAt() != null && clock.instant().isBefore(known.expiresAt())) {
            return known.jwt();
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, new Verified(jwt, jwt.getExpiresAt()));
        return jwt;
    }

    private Duration untilExpiry(@Nullable Instant expiresAt) {
        if (expiresAt == null) {
            return Duration.ZERO; // the validators refuse such tokens; never remember one
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The expiry is kept beside the token: {@code Jwt.getExpiresAt()} converts the claim again on every call. */
    private record Verified(Jwt jwt, @Nullable Instant expiresAt) {
    }
}
