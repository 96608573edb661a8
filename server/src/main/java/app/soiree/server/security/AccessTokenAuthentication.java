package app.soiree.server.security;

import app.soiree.api.identity.Role;
import app.soiree.command.identity.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What a verified access token grants, the same on every way in (the API's filter chain and the
 * socket's {@code CONNECT}): an authentication whose name is the token's subject, the user id, with
 * the token's roles as {@code ROLE_*} authorities.
 */
public final class AccessTokenAuthentication {

    /** The authorities of the roles there are, made once: tokens name nothing else. */
    private static final Map<String, GrantedAuthority> ROLES = Arrays.stream(Role.values())
            .collect(Collectors.toUnmodifiableMap(Role::name, role -> new SimpleGrantedAuthority("ROLE_" + role.name())));

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

    /**
     * Runs on every authenticated request, so it reads the claims as the verifier left them rather than through
     * {@code Jwt}'s typed getters ({@code getSubject()}, {@code getClaimAsStringList}), each of which converts its claim
     * through Spring's conversion service again: a few percent of a read's CPU. The verifier's validators made sure the
     * subject is a user id and the roles a list of names (SecurityConfiguration).
     */
    static Converter<Jwt, AbstractAuthenticationToken> converter() {
        return jwt -> new JwtAuthenticationToken(jwt, roles(jwt), subject(jwt));
    }

    /** The token's subject, the user id, as a string. */
    static String subject(Jwt jwt) {
        return String.valueOf(jwt.getClaims().get(JwtClaimNames.SUB));
    }

    private static List<GrantedAuthority> roles(Jwt jwt) {
        if (!(jwt.getClaims().get(Tokens.ROLES_CLAIM) instanceof Collection<?> roles)) {
            return List.of();
        }
        List<GrantedAuthority> authorities = new ArrayList<>(roles.size());
        for (Object role : roles) {
            String name = String.valueOf(role);
            GrantedAuthority known = ROLES.get(name);
            authorities.add(known != null ? known : new SimpleGrantedAuthority("ROLE_" + name));
        }
        return authorities;
    }
}
