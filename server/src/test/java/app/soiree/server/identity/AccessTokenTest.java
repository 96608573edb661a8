package app.soiree.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every way of presenting a token that the platform did not issue, or no longer honours, is a 401. */
@IntegrationTest
class AccessTokenTest {

    @LocalServerPort
    int port;
    @Autowired
    KeyPair tokenSigningKeys;
    Api api;
    Session user;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        user = api.newUser("Token Holder");
    }

    @Test
    void noTokenIsUnauthenticated() {
        Response response = api.get("/api/me", null);

        response.expectStatus(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = user.accessToken().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"GUEST\"", "\"ADMIN\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(api.post("/api/admin/staff", forged, "{}").status()).isEqualTo(401);
        assertThat(api.get("/api/me", forged).status()).isEqualTo(401);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() {
        String unsigned = new PlainJWT(claims(Instant.now().plusSeconds(600))).serialize();

        assertThat(api.get("/api/me", unsigned).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        String expired = sign(tokenSigningKeys, claims(Instant.now().minusSeconds(120)));

        assertThat(api.get("/api/me", expired).status()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() throws Exception {
        JWTClaimsSet ours = claims(Instant.now().plusSeconds(600));
        String foreign = sign(tokenSigningKeys, new JWTClaimsSet.Builder(ours).issuer("https://elsewhere.example").build());
        String unnamed = sign(tokenSigningKeys, new JWTClaimsSet.Builder(ours).issuer(null).build());

        assertThat(api.get("/api/me", foreign).status()).isEqualTo(401);
        assertThat(api.get("/api/me", unnamed).status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreign = sign(generator.generateKeyPair(), claims(Instant.now().plusSeconds(600)));

        assertThat(api.get("/api/me", foreign).status()).isEqualTo(401);
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRejected() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(Instant.now().plusSeconds(600)));
        byte[] secret = tokenSigningKeys.getPublic().getEncoded();
        hmac.sign(new MACSigner(secret));

        assertThat(api.get("/api/me", hmac.serialize()).status()).isEqualTo(401);
    }

    @Test
    void aWellSignedTokenFromTheRightKeyIsAccepted() throws Exception {
        // The control case: the same construction as the rejections above, but valid.
        String valid = sign(tokenSigningKeys, claims(Instant.now().plusSeconds(600)));

        assertThat(api.get("/api/me", valid).status()).isIn(200, 404);
    }

    private JWTClaimsSet claims(Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("soiree")
                .subject(user.userId())
                .issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(expiresAt))
                .claim("roles", List.of("GUEST", "ADMIN"))
                .build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }
}
