package app.soiree.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.Role;
import app.soiree.command.identity.Tokens;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

@IntegrationTest
class IdentityApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder jwtEncoder;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aNewUserRegistersSignsInAndSeesThemselves() {
        String email = "Ada." + UUID.randomUUID() + "@Example.test";
        Response registered = api.post("/api/auth/register", null,
                Map.of("email", email, "password", "correct horse battery", "displayName", "Ada", "phone", "+4915112345678"));
        registered.expectStatus(201);
        String userId = registered.json().get("userId").asString();

        Response login = api.post("/api/auth/login", null, Map.of("email", email.toLowerCase(), "password", "correct horse battery"));
        login.expectStatus(200);
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        String token = login.json().get("accessToken").asString();

        Response me = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/me", token), r -> r.status() == 200);
        assertThat(me.json().get("userId").asString()).isEqualTo(userId);
        assertThat(me.json().get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(me.json().get("displayName").asString()).isEqualTo("Ada");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"GUEST\"]");
        assertThat(me.json().get("avatarMediaId").isNull()).as("no avatar yet, and the field is there").isTrue();
    }

    /**
     * Signed in before the profile projection has written the new account (it yields to requests, so just after
     * registration it may be a second behind): the caller is answered once the profile is there, not told their own
     * account does not exist. A token of an account that never gets a profile is still a 404, after the wait.
     */
    @Test
    void theSignedInUserIsAnsweredOnceTheirProfileIsProjectedNot404() throws Exception {
        UUID userId = UUID.randomUUID();
        String token = accessTokenOf(userId);
        CompletableFuture<Response> me = CompletableFuture.supplyAsync(() -> api.get("/api/me", token));
        Thread.sleep(400);
        assertThat(me).as("waiting for the profile").isNotDone();
        jdbc.update("insert into user_profiles (user_id, email, display_name, roles, registered_at) values (?, ?, ?, ?, now())",
                userId, "late." + userId + "@soiree.test", "Projected Late", Role.encode(Set.of(Role.GUEST)));

        Response answered = me.get(10, TimeUnit.SECONDS);
        answered.expectStatus(200);
        assertThat(answered.json().get("displayName").asString()).isEqualTo("Projected Late");
        api.get("/api/me", accessTokenOf(UUID.randomUUID())).expectStatus(404);
    }

    /** An access token as the server signs them at sign-in, for an account the profile projection has not written. */
    private String accessTokenOf(UUID userId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(Tokens.ISSUER).subject(userId.toString()).issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5))).id(UUID.randomUUID().toString())
                .claim(Tokens.ROLES_CLAIM, List.of(Role.GUEST.name())).build();
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    @Test
    void anEmailCanBeRegisteredOnlyOnceWhateverItsCase() {
        Session first = api.newUser("Grace");
        Response again = api.post("/api/auth/register", null,
                Map.of("email", first.email().toUpperCase(), "password", "another password", "displayName", "Imposter"));

        again.expectStatus(409);
        assertThat(again.code()).isEqualTo("EMAIL_ALREADY_REGISTERED");
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void missingAndOverlongFieldsAreReportedFieldByField() {
        Response response = api.post("/api/auth/register", null,
                Map.of("email", "not-an-email", "displayName", "x".repeat(81), "phone", "12345"));

        response.expectStatus(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains("email", "password", "displayName", "phone");
    }

    @Test
    void malformedJsonIsABadRequestWithACode() {
        Response response = api.postRaw("/api/auth/register", null, "{\"email\": ", "application/json");

        response.expectStatus(400);
        assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailLookTheSame() {
        Session user = api.newUser("Linus");

        Response wrongPassword = api.post("/api/auth/login", null, Map.of("email", user.email(), "password", "wrong password!"));
        Response unknownEmail = api.post("/api/auth/login", null, Map.of("email", "nobody." + UUID.randomUUID() + "@soiree.test", "password", "wrong password!"));

        wrongPassword.expectStatus(401);
        unknownEmail.expectStatus(401);
        assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownEmail.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
    }

    @Test
    void loginAttemptsAreLimitedPerAccountWithRetryAfter() {
        Session user = api.newUser("Target");
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            last = api.post("/api/auth/login", null, Map.of("email", user.email(), "password", "guess number " + attempt));
            statuses.add(last.status());
        }

        // The test profile allows five attempts per account and minute; newUser's own login was the first.
        assertThat(statuses).containsExactly(401, 401, 401, 401, 429, 429);
        assertThat(last.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void aRefreshTokenWorksOnceAndReusingItRevokesItsWholeFamily() {
        Session user = api.newUser("Rotating");

        Response first = api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken()));
        first.expectStatus(200);
        String successor = first.json().get("refreshToken").asString();
        assertThat(successor).isNotEqualTo(user.refreshToken());

        Response replayed = api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken()));
        replayed.expectStatus(401);
        assertThat(replayed.code()).isEqualTo("INVALID_REFRESH_TOKEN");

        // Whoever holds the successor (possibly a thief) is signed out too.
        api.post("/api/auth/refresh", null, Map.of("refreshToken", successor)).expectStatus(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Session user = api.newUser("Leaving");

        api.post("/api/auth/logout", user.accessToken(), Map.of("refreshToken", user.refreshToken())).expectStatus(204);

        api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken())).expectStatus(401);
    }

    @Test
    void logoutWithoutATokenSignsOutEverySession() {
        Session user = api.newUser("Everywhere");
        Session secondDevice = api.signIn(user.userId(), user.email(), user.password());

        api.post("/api/auth/logout", user.accessToken(), null).expectStatus(204);

        api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken())).expectStatus(401);
        api.post("/api/auth/refresh", null, Map.of("refreshToken", secondDevice.refreshToken())).expectStatus(401);
    }

    @Test
    void aUserChangesTheNameAndBioOthersSeeFieldByField() {
        Session user = api.newUser("Old Name");

        api.patch("/api/me/profile", user.accessToken(), Map.of("displayName", "New Name", "bio", "Cooks for twelve")).expectStatus(200);
        Response me = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/me", user.accessToken()),
                r -> r.json().get("displayName").asString().equals("New Name"));
        assertThat(me.json().get("hostBio").asString()).isEqualTo("Cooks for twelve");

        api.patch("/api/me/profile", user.accessToken(), Map.of("bio", "")).expectStatus(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/me", user.accessToken()).json().get("hostBio").isNull());
        assertThat(api.get("/api/me", user.accessToken()).json().get("displayName").asString()).isEqualTo("New Name");

        Response blank = api.patch("/api/me/profile", user.accessToken(), Map.of("displayName", "   ")).expectStatus(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        api.patch("/api/me/profile", user.accessToken(), Map.of("bio", "x".repeat(2001))).expectStatus(400);
        api.patch("/api/me/profile", null, Map.of("bio", "anonymous")).expectStatus(401);
    }

    @Test
    void aUserBecomesAHostOnceAndTheNextTokensCarryTheRole() {
        Session user = api.newUser("Host To Be");

        api.post("/api/me/host-profile", user.accessToken(), Map.of("bio", "Dinners in Lisbon")).expectStatus(200);
        Response twice = api.post("/api/me/host-profile", user.accessToken(), Map.of("bio", "again"));
        twice.expectStatus(409);
        assertThat(twice.code()).isEqualTo("ALREADY_A_HOST");

        Response refreshed = api.post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken())).expectStatus(200);
        String hostToken = refreshed.json().get("accessToken").asString();
        Response me = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/me", hostToken),
                r -> r.status() == 200 && r.json().get("roles").toString().contains("HOST"));
        assertThat(me.json().get("hostBio").asString()).isEqualTo("Dinners in Lisbon");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"GUEST\",\"HOST\"]");
    }

    @Test
    void onlyAnAdminCreatesStaffAccountsAndOnlyWithStaffRoles() {
        Session admin = api.signIn("admin", "admin@soiree.test", "admin-password-1");
        Session guest = api.newUser("Not Staff");
        Map<String, Object> staff = Map.of("email", "finance." + UUID.randomUUID() + "@soiree.test",
                "password", "finance-password", "displayName", "Fin", "roles", List.of("FINANCE"));

        Response byGuest = api.post("/api/admin/staff", guest.accessToken(), staff);
        byGuest.expectStatus(403);
        assertThat(byGuest.code()).isEqualTo("FORBIDDEN");

        Response created = api.post("/api/admin/staff", admin.accessToken(), staff);
        created.expectStatus(201);
        Session financeUser = api.signIn(created.json().get("userId").asString(), (String) staff.get("email"), "finance-password");
        assertThat(api.get("/api/me", financeUser.accessToken()).status()).isIn(200, 404);

        Response guestRole = api.post("/api/admin/staff", admin.accessToken(), Map.of("email", "x." + UUID.randomUUID() + "@soiree.test",
                "password", "finance-password", "displayName", "X", "roles", List.of("GUEST")));
        guestRole.expectStatus(400);
        assertThat(guestRole.code()).isEqualTo("VALIDATION_FAILED");

        Response unknownRole = api.post("/api/admin/staff", admin.accessToken(), Map.of("email", "y." + UUID.randomUUID() + "@soiree.test",
                "password", "finance-password", "displayName", "Y", "roles", List.of("OWNER")));
        unknownRole.expectStatus(400);
    }

    @Test
    void unknownApiPathsAreProblemDocumentsToo() {
        Session user = api.newUser("Wanderer");

        Response response = api.get("/api/no-such-thing", user.accessToken());

        response.expectStatus(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }
}
