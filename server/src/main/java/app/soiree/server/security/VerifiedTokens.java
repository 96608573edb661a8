package app.soiree.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
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
 *
 * <p>A token this process signs is remembered as it is issued ({@link #issued}), so a client's first request with
 * it does not pay for parsing and checking a signature this process has just made: in a booking rush each guest's
 * first request is its booking, and checking the guests' new tokens was 15–17 % of the server JVM's samples
 * (docs/benchmarks.md). A replica that did not issue the token verifies it as before.
 */
final class VerifiedTokens {

    private final JwtDecoder verifier;
    private final Converter<Map<String, Object>, Map<String, Object>> claimConversion;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    /**
     * @param verifier        checks a token's signature, converts its claims with {@code claimConversion} and validates
     *                        them with {@code validator}
     * @param claimConversion and {@code validator}: the verifier's own, applied to the tokens this process issues, so
     *                        that a token remembered at issue is the {@code Jwt} the verifier would have answered
     */
    VerifiedTokens(JwtDecoder verifier, Converter<Map<String, Object>, Map<String, Object>> claimConversion,
                   OAuth2TokenValidator<Jwt> validator, long maximumTokens, Clock clock) {
        this.verifier = verifier;
        this.claimConversion = claimConversion;
        this.validator = validator;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .expireAfter(Expiry.<String, Verified>creating((token, known) -> untilExpiry(known.expiresAt())))
                .build();
    }

    /** The verified token: remembered, or verified now (and remembered when it passes). */
    Jwt decode(String token) throws JwtException {
        Verified known = verified.getIfPresent(token);
        // The cache forgets a token at its expiry; this is the check that holds even if the cache is late.
        if (known != null && known.expiresAt() != null && clock.instant().isBefore(known.expiresAt())) {
            return known.jwt();
        }
        return remember(verifier.decode(token));
    }

    /**
     * Remembers a token this process has just signed, as the verifier would answer it: its claims converted and
     * validated the same way, only the parsing and the signature check skipped. A token whose claims the validator
     * refuses is not remembered (its requests will be refused by the verifier). Answers the signed token unchanged.
     */
    Jwt issued(Jwt signed) {
        Map<String, Object> claims = claimConversion.convert(signed.getClaims());
        if (claims == null) {
            return signed;
        }
        Jwt jwt = Jwt.withTokenValue(signed.getTokenValue())
                .headers(headers -> headers.putAll(signed.getHeaders()))
                .claims(all -> all.putAll(claims))
                .build();
        if (!validator.validate(jwt).hasErrors()) {
            remember(jwt);
        }
        return signed;
    }

    private Jwt remember(Jwt jwt) {
        verified.put(jwt.getTokenValue(), new Verified(jwt, jwt.getExpiresAt()));
        return jwt;
    }

    /** Whether this token is remembered as verified right now (what a test of the wiring can observe). */
    boolean remembers(String token) {
        return verified.getIfPresent(token) != null;
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
