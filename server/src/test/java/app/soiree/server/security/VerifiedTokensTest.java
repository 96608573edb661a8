package app.soiree.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Real RS256 tokens through Nimbus: a token is verified once while it lives, never past its expiry, and a bad one never sticks. */
class VerifiedTokensTest {

    private final KeyPair keys = rsa();
    private final NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
            new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate()).build())));
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final MappedJwtClaimSetConverter claimConversion = MappedJwtClaimSetConverter.withDefaults(Map.of());
    private final JwtTimestampValidator timestamps = timestamps();
    private final NimbusJwtDecoder nimbus = nimbus();
    private final VerifiedTokens tokens = new VerifiedTokens(countingVerifier(), claimConversion, timestamps, 100, clock);

    private JwtTimestampValidator timestamps() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }

    /** The real verifier, on this test's clock. */
    private NimbusJwtDecoder nimbus() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setClaimSetConverter(claimConversion);
        decoder.setJwtValidator(timestamps);
        return decoder;
    }

    /** The real verifier, counting its calls. */
    private JwtDecoder countingVerifier() {
        return token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    @Test
    void aTokenIsVerifiedOnceWhileItLives() {
        String token = token("user-1", Duration.ofMinutes(15));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo("user-1").isEqualTo(first.getSubject());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndRefused() {
        String token = token("user-1", Duration.ofMinutes(15));
        tokens.decode(token);

        now = now.plus(Duration.ofMinutes(16));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTamperedTokenIsRefusedEveryTime() {
        String token = token("user-1", Duration.ofMinutes(15));
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(tokens.decode(token).getSubject()).isEqualTo("user-1");
    }

    @Test
    void aTokenThisProcessIssuedIsRememberedAsTheVerifierWouldAnswerIt() {
        Jwt signed = tokens.issued(signed("user-1", Duration.ofMinutes(15)));

        Jwt remembered = tokens.decode(signed.getTokenValue());

        assertThat(verifications).hasValue(0);
        assertThat(remembered.getClaims()).isEqualTo(nimbus.decode(signed.getTokenValue()).getClaims());
        assertThat(remembered.getClaims().get("roles")).isEqualTo(List.of("GUEST", "HOST"));
        assertThat(remembered.getExpiresAt()).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anIssuedTokenIsForgottenAtItsExpiryLikeAVerifiedOne() {
        String token = tokens.issued(signed("user-1", Duration.ofMinutes(15))).getTokenValue();

        now = now.plus(Duration.ofMinutes(16));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anIssuedTokenTheValidatorRefusesIsNotRemembered() {
        now = now.minus(Duration.ofMinutes(20));
        Jwt signedLongAgo = signed("user-1", Duration.ofMinutes(15));
        now = now.plus(Duration.ofMinutes(20));

        String expired = tokens.issued(signedLongAgo).getTokenValue();

        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(1);
    }

    private String token(String subject, Duration lifetime) {
        return signed(subject, lifetime).getTokenValue();
    }

    private Jwt signed(String subject, Duration lifetime) {
        Instant issued = now;
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("soiree").subject(subject).issuedAt(issued)
                .expiresAt(issued.plus(lifetime)).id("token-1").claim("roles", List.of("GUEST", "HOST")).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
