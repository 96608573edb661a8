package app.soiree.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.command.identity.Tokens;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Real RS256 tokens, decoded by Nimbus as the server decodes them: what the converter reads straight from the claims. */
class AccessTokenAuthenticationTest {

    private final KeyPair keys = rsa();
    private final NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
            new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate()).build())));
    private final NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic())
            .signatureAlgorithm(SignatureAlgorithm.RS256).build();

    @Test
    void theAuthenticationIsNamedForTheSubjectAndGrantsTheTokensRoles() {
        UUID user = UUID.randomUUID();
        Jwt jwt = decoder.decode(token(user, claims -> claims.claim(Tokens.ROLES_CLAIM, List.of("GUEST", "HOST", "FINANCE"))));

        AbstractAuthenticationToken authentication = AccessTokenAuthentication.converter().convert(jwt);

        assertThat(authentication.getName()).isEqualTo(user.toString()).isEqualTo(jwt.getSubject());
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_GUEST", "ROLE_HOST", "ROLE_FINANCE");
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(Actors.from(authentication)).contains(new Actor(new UserId(user), EnumSet.of(Role.GUEST, Role.HOST, Role.FINANCE)));
    }

    @Test
    void aRoleSoireeDoesNotDefineIsAnAuthorityThatGrantsNothing() {
        Jwt jwt = decoder.decode(token(UUID.randomUUID(), claims -> claims.claim(Tokens.ROLES_CLAIM, List.of("GUEST", "AUDITOR"))));

        AbstractAuthenticationToken authentication = AccessTokenAuthentication.converter().convert(jwt);

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_GUEST", "ROLE_AUDITOR");
        assertThat(Actors.from(authentication).orElseThrow().roles()).containsExactly(Role.GUEST);
    }

    @Test
    void aTokenWithoutRolesGrantsNone() {
        UUID user = UUID.randomUUID();
        Jwt jwt = decoder.decode(token(user, claims -> { }));

        AbstractAuthenticationToken authentication = AccessTokenAuthentication.converter().convert(jwt);

        assertThat(authentication.getName()).isEqualTo(user.toString());
        assertThat(authentication.getAuthorities()).isEmpty();
    }

    private String token(UUID subject, Consumer<JwtClaimsSet.Builder> more) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(Tokens.ISSUER).subject(subject.toString())
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(15)));
        more.accept(claims);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build())).getTokenValue();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
