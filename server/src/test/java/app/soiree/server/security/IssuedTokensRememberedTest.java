package app.soiree.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The wiring of SecurityConfiguration: the tokens the server signs (sign-in, refresh) are remembered as verified from the
 * moment they are issued, and work through the whole filter chain; a token the server did not issue is remembered only
 * once a request has verified it.
 */
@IntegrationTest
class IssuedTokensRememberedTest {

    @LocalServerPort
    int port;
    @Autowired
    VerifiedTokens verifiedTokens;
    @Autowired
    KeyPair tokenSigningKeys;

    @Test
    void aTokenFromSignInIsRememberedBeforeItsFirstRequest() {
        Api api = new Api(port);
        Session user = api.newUser("Fresh Token");

        assertThat(verifiedTokens.remembers(user.accessToken())).isTrue();
        // the profile's read model may lag the registration by a moment (404 until then); a refused token would be 401
        Api.Response me = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/me", user.accessToken()),
                response -> response.status() == 200);
        assertThat(me.json().get("userId").asString()).isEqualTo(user.userId());
    }

    @Test
    void aRefreshedTokenWithTheHostRoleIsRememberedAndActsAsTheHost() {
        Api api = new Api(port);
        Session host = api.newHost("Fresh Host");

        assertThat(verifiedTokens.remembers(host.accessToken())).isTrue();
        // host-only: a GUEST's token is refused here
        api.get("/api/me/wallet", host.accessToken()).expectStatus(200);
    }

    @Test
    void aTokenSignedElsewhereWithTheKeyIsRememberedOnlyOnceVerified() throws Exception {
        Api api = new Api(port);
        Session user = api.newUser("Outside Token");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer("soiree").subject(user.userId())
                        .issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .claim("roles", List.of("GUEST")).build());
        jwt.sign(new RSASSASigner(tokenSigningKeys.getPrivate()));
        String token = jwt.serialize();

        assertThat(verifiedTokens.remembers(token)).isFalse();
        assertThat(api.get("/api/me", token).status()).isIn(200, 404); // authenticated; 401 would be a refusal
        assertThat(verifiedTokens.remembers(token)).isTrue();
    }
}
