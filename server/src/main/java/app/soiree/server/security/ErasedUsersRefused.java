package app.soiree.server.security;

import app.soiree.api.identity.UserId;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Refuses the access token of an erased user, however valid otherwise: the one check an access token gets beyond its
 * signature and claims. It wraps the verification (and {@link VerifiedTokens}, whose remembered tokens would otherwise
 * outlive the erasure), so it holds wherever a token is verified: the API's filter chain and the socket's
 * {@code CONNECT}. The refusal is an invalid token, answered 401 like an expired one.
 */
final class ErasedUsersRefused implements JwtDecoder {

    private static final OAuth2Error ERASED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token's user was erased", null);

    private final JwtDecoder verifier;
    private final ErasedUsers erasedUsers;

    ErasedUsersRefused(JwtDecoder verifier, ErasedUsers erasedUsers) {
        this.verifier = verifier;
        this.erasedUsers = erasedUsers;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verifier.decode(token);
        // The verifier's claim validation has made sure the subject is a user id.
        if (erasedUsers.contains(UserId.of(AccessTokenAuthentication.subject(jwt)).value())) {
            throw new JwtValidationException(ERASED.getDescription(), List.of(ERASED));
        }
        return jwt;
    }
}
