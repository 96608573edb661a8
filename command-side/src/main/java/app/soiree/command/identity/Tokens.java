package app.soiree.command.identity;

import app.soiree.api.RandomUuids;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues short-lived signed access tokens (RS256 JWTs) and long-lived, single-use refresh tokens,
 * and rotates, revokes and checks the latter.
 */
@Service
public class Tokens {

    /** The issuer every access token names and every decoder checks. */
    public static final String ISSUER = "soiree";
    public static final String ROLES_CLAIM = "roles";

    private static final int REFRESH_TOKEN_BYTES = 32;

    private final JwtEncoder jwtEncoder;
    private final RefreshTokenRepository refreshTokens;
    private final AccountRepository accounts;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Tokens(JwtEncoder jwtEncoder, RefreshTokenRepository refreshTokens, AccountRepository accounts,
           IdentityProperties properties, Clock clock) {
        this.jwtEncoder = jwtEncoder;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new token family for a freshly signed-in account. */
    @Transactional
    TokenPair issue(Account account) {
        return issue(account, RandomUuids.next());
    }

    /**
     * Trades a refresh token for a new pair. A token works once: a second use revokes every token of
     * its family, because only a copy can be presented twice.
     */
    @Transactional(noRollbackFor = SoireeException.class)
    public TokenPair refresh(String presentedToken) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findForUpdate(hash(presentedToken)).orElseThrow(Tokens::invalidRefreshToken);
        if (token.isSpentOrRevoked()) {
            refreshTokens.revokeFamily(token.familyId(), now);
            throw invalidRefreshToken();
        }
        if (token.isExpiredAt(now)) {
            throw invalidRefreshToken();
        }
        token.markUsed(now);
        Account account = accounts.findById(token.userId()).orElseThrow(Tokens::invalidRefreshToken);
        return issue(account, token.familyId());
    }

    /** Revokes the family of the given token when it belongs to the user, or every token of the user. */
    @Transactional
    public void revoke(UUID userId, String presentedToken) {
        Instant now = clock.instant();
        if (presentedToken == null || presentedToken.isBlank()) {
            refreshTokens.revokeAllOfUser(userId, now);
            return;
        }
        refreshTokens.findForUpdate(hash(presentedToken))
                .filter(token -> token.userId().equals(userId))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), now));
    }

    private TokenPair issue(Account account, UUID familyId) {
        // Whole seconds, as the token states them: the server remembers the claims it signed (VerifiedTokens).
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant accessExpiry = now.plus(properties.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(account.userId().toString())
                .issuedAt(now)
                .expiresAt(accessExpiry)
                .id(RandomUuids.next().toString())
                .claim(ROLES_CLAIM, account.roles().stream().map(Role::name).sorted().toList())
                .build();
        String accessToken = jwtEncoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();

        byte[] secret = new byte[REFRESH_TOKEN_BYTES];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.save(new RefreshToken(hash(refreshToken), familyId, account.userId().value(), now,
                now.plus(properties.refreshTokenTtl())));
        return new TokenPair(accessToken, refreshToken, properties.accessTokenTtl().toSeconds());
    }

    private static SoireeException invalidRefreshToken() {
        return new SoireeException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is not valid; sign in again");
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
