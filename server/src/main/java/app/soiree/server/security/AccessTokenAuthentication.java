package app.soiree.server.security;

import app.soiree.command.identity.Tokens;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * What a verified access token grants, the same on every way in (the API's filter chain and the
 * socket's {@code CONNECT}): an authentication whose name is the token's subject, the user id, with
 * the token's roles as {@code ROLE_*} authorities.
 */
public final class AccessTokenAuthentication {

    private AccessTokenAuthentication() {
    }

    /**
     * Verifies a {@code BearerTokenAuthenticationToken} with the platform's {@link JwtDecoder} (signature,
     * issuer, expiry, claims) and answers the user's authentication; a bad token is an {@code AuthenticationException}.
     */
    public static AuthenticationProvider provider(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter());
        return provider;
    }

    static JwtAuthenticationConverter converter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(AccessTokenAuthentication::roles);
        return converter;
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(Tokens.ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
