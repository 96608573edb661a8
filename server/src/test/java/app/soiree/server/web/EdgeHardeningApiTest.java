package app.soiree.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an attacker can send at the edge of the API, through HTTP only: every answer is a 4xx
 * problem+json with a stable code that names no Java type, and nothing refused is stored.
 */
@IntegrationTest
class EdgeHardeningApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    KeyPair tokenSigningKeys;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    // --- (3) input that was a 500 ---

    @Test
    void controlCharactersInSearchParametersAreRefusedNamingTheParameter() {
        assertProblem(api.get("/api/gatherings?q=jazz%00", null), 400, "VALIDATION_FAILED");
        assertThat(fields(api.get("/api/gatherings?q=jazz%00", null))).containsExactly("q");
        assertProblem(api.get("/api/gatherings?tag=%00", null), 400, "VALIDATION_FAILED");
        assertThat(fields(api.get("/api/gatherings?tag=%00", null))).containsExactly("tag");
    }

    @Test
    void brokenPercentEncodingInTheQueryIsAMalformedRequest() throws IOException {
        // Java's HTTP client refuses to send these, an attacker's does not: a plain socket.
        for (String query : List.of("cursor=%%%", "q=%ZZ", "q=%C3%28", "q=jazz%")) {
            RawResponse response = raw("GET /api/gatherings?" + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().path("code").asString()).as(query).isEqualTo("MALFORMED_REQUEST");
            assertThat(response.json().path("errors").get(0).path("field").asString()).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void aLoginEmailWithANulByteIsRefused() {
        Response response = api.post("/api/auth/login", null, Map.of("email", "ada\u0000@example.test", "password", "whatever it is"));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).containsExactly("email");
    }

    @Test
    void aCorrectlySignedTokenWhoseSubjectIsNotAUserIdIsUnauthenticated() throws Exception {
        String token = sign(new JWTClaimsSet.Builder().issuer("soiree").subject("not-a-user-id")
                .issueTime(Date.from(Instant.now().minusSeconds(60))).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of("GUEST")).build());

        assertProblem(api.get("/api/me", token), 401, "UNAUTHENTICATED");
        assertProblem(api.get("/api/gatherings/" + UUID.randomUUID(), token), 401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenWhoseRolesAreNotAListOfNamesIsUnauthenticated() throws Exception {
        Session user = api.newUser("Odd Roles");
        String token = sign(new JWTClaimsSet.Builder().issuer("soiree").subject(user.userId())
                .issueTime(Date.from(Instant.now().minusSeconds(60))).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", Map.of("role", "ADMIN")).build());

        assertProblem(api.get("/api/me", token), 401, "UNAUTHENTICATED");
    }

    // --- (4) errors that were not ours ---

    @Test
    void pathsTheFirewallRejectsAnswerProblemJson() throws IOException {
        for (String path : List.of("/api//gatherings", "/api/gatherings/%2e%2e/x", "/api/gatherings;jsessionid=x")) {
            RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.json().path("code").asString()).as(path).isEqualTo("MALFORMED_REQUEST");
        }
    }

    @Test
    void anOversizedHeaderAnswersProblemJson() throws IOException {
        RawResponse response = raw("GET /api/gatherings HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isIn(400, 431);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo("REQUEST_HEADER_TOO_LARGE");
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        Session user = api.newUser("Lost");

        assertProblem(api.get("/api/no-such-thing", user.accessToken()), 404, "NOT_FOUND");
        assertProblem(api.get("/v3/no-such-thing", null), 404, "NOT_FOUND");
        Response actuator = api.get("/actuator/no-such-thing", null);
        assertThat(actuator.header("Content-Type")).startsWith("application/problem+json");
        assertThat(actuator.code()).isIn("UNAUTHENTICATED", "NOT_FOUND");
    }

    @Test
    void conversionErrorsNameNoJavaType() {
        Session user = api.newUser("Converter");
        List<Response> responses = List.of(
                api.get("/api/gatherings?limit=many", null),
                api.get("/api/gatherings/not-a-uuid", null),
                api.get("/api/gatherings?from=yesterday", null),
                api.get("/api/gatherings?from=-5000-01-01T00:00:00Z", null),
                api.get("/api/gatherings?to=%2B20000-01-01T00:00:00Z", null),
                api.post("/api/bookings/not-a-uuid/cancel", user.accessToken(), null, Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        for (Response response : responses) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.code()).isNotBlank();
            assertThat(response.json().path("detail").asString())
                    .doesNotContain("java.", "app.soiree", "org.springframework", "@", "Exception");
        }
        assertThat(api.get("/api/gatherings/not-a-uuid", null).json().path("detail").asString()).isEqualTo("gatheringId must be a UUID");
    }

    // --- (5) unbounded bodies ---

    @Test
    void aRegistrationBodyOverTheLimitIsRefusedUnreadAndNothingIsCreated() throws IOException {
        String email = "big." + UUID.randomUUID() + "@soiree.test";
        String body = "{\"email\":\"" + email + "\",\"password\":\"a long password\",\"displayName\":\"Big\",\"phone\":null,\"padding\":\""
                + "x".repeat(50 * 1024 * 1024) + "\"}";

        RawResponse declared = rawPost("/api/auth/register", null, body.getBytes(StandardCharsets.UTF_8), false);
        RawResponse chunked = rawPost("/api/auth/register", null, ("{\"email\":\"" + email + "\",\"password\":\"a long password\","
                + "\"displayName\":\"Big\",\"padding\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8), true);

        for (RawResponse response : List.of(declared, chunked)) {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        assertThat(storedEventsMentioning(email)).isZero();
        api.post("/api/auth/register", null, Map.of("email", email, "password", "a long password", "displayName", "Small")).expectStatus(201);
    }

    @Test
    void aGatheringBodyOverTheLimitIsRefusedAndNothingIsCreated() throws IOException {
        Session host = api.newHost("Big Host");
        String title = "Oversized " + UUID.randomUUID();
        Map<String, Object> gathering = new LinkedHashMap<>(Gatherings.gathering(title, List.of(Gatherings.tier("Seat", 0, 10))));
        gathering.put("description", "d".repeat(1024 * 1024));
        byte[] body = JSON.writeValueAsBytes(gathering);

        RawResponse declared = rawPost("/api/gatherings", host.accessToken(), body, false);
        RawResponse chunked = rawPost("/api/gatherings", host.accessToken(), body, true);

        for (RawResponse response : List.of(declared, chunked)) {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        assertThat(storedEventsMentioning(title)).isZero();
    }

    @Test
    void aBodyJustUnderTheLimitIsStillRead() throws IOException {
        String email = "under." + UUID.randomUUID() + "@soiree.test";
        String prefix = "{\"email\":\"" + email + "\",\"password\":\"a long password\",\"displayName\":\"Under\"}";
        byte[] body = (prefix + " ".repeat(1024 * 1024 - prefix.length())).getBytes(StandardCharsets.UTF_8);

        assertThat(rawPost("/api/auth/register", null, body, true).status()).isEqualTo(201);
    }

    // --- (2) input PostgreSQL cannot store ---

    @Test
    void aDisplayNameWithANulByteIsRefusedAndNoAccountIsOpened() {
        String email = "nul." + UUID.randomUUID() + "@soiree.test";
        Response response = api.post("/api/auth/register", null,
                Map.of("email", email, "password", "a long password", "displayName", "Null\u0000Byte"));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).containsExactly("displayName");
        api.post("/api/auth/register", null, Map.of("email", email, "password", "a long password", "displayName", "Null Byte")).expectStatus(201);
    }

    @Test
    void controlCharactersInAGatheringAreRefusedNamingTheFieldAndNothingIsStored() {
        Session host = api.newHost("Control Host");
        String title = "Bell " + UUID.randomUUID();

        Response badTitle = api.post("/api/gatherings", host.accessToken(),
                Gatherings.gathering(title + "\u0007", List.of(Gatherings.tier("Seat", 0, 10))));
        Response badTier = api.post("/api/gatherings", host.accessToken(),
                Gatherings.gathering(title, List.of(Gatherings.tier("Seat", 0, 10), Gatherings.tier("Back\u0000row", 0, 10))));
        Response badTag = api.post("/api/gatherings", host.accessToken(), withField(Gatherings.gathering(title,
                List.of(Gatherings.tier("Seat", 0, 10))), "tags", List.of("ok", "esc\u001b")));

        assertProblem(badTitle, 400, "VALIDATION_FAILED");
        assertThat(fields(badTitle)).containsExactly("title");
        assertProblem(badTier, 400, "VALIDATION_FAILED");
        assertThat(fields(badTier)).containsExactly("tiers[1].name");
        assertProblem(badTag, 400, "VALIDATION_FAILED");
        assertThat(fields(badTag)).containsExactly("tags[1]");
        assertThat(storedEventsMentioning(title)).isZero();
    }

    @Test
    void lineBreaksAndTabsAreFineInText() {
        Session host = api.newHost("Multi Line");
        Map<String, Object> gathering = withField(Gatherings.gathering("Lines", List.of(Gatherings.tier("Seat", 0, 10))),
                "description", "First line\r\nSecond line\n\tindented");

        api.post("/api/gatherings", host.accessToken(), gathering).expectStatus(201);
    }

    @Test
    void anInstantPostgresCannotStoreIsRefusedNamingTheField() {
        Session host = api.newHost("Time Traveller");
        String title = "Ancient " + UUID.randomUUID();
        Map<String, Object> gathering = Gatherings.gathering(title, List.of(Gatherings.tier("Seat", 0, 10)));
        gathering.put("startsAt", "-5000-01-01T18:00:00Z");
        gathering.put("endsAt", "-5000-01-01T21:00:00Z");

        Response response = api.post("/api/gatherings", host.accessToken(), gathering);

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).containsExactly("startsAt");
        assertThat(storedEventsMentioning(title)).isZero();
    }

    // --- helpers ---

    private long storedEventsMentioning(String text) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where position(convert_to(?, 'UTF8') in payload) > 0",
                Long.class, text);
        return count == null ? 0 : count;
    }

    private static Map<String, Object> withField(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(tokenSigningKeys.getPrivate()));
        return jwt.serialize();
    }

    /** A POST over a plain socket, so that the body is sent exactly as given (declared length, or chunked). */
    private RawResponse rawPost(String path, String token, byte[] body, boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n").append("\r\n");
            try {
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                int chunk = 64 * 1024;
                for (int offset = 0; offset < body.length; offset += chunk) {
                    int length = Math.min(chunk, body.length - offset);
                    if (chunked) {
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(body, offset, length);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException serverStoppedReading) {
                // The server answered and closed before the whole body was sent, as it should for a body over the cap.
            }
            return RawResponse.read(socket.getInputStream());
        }
    }

    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return RawResponse.read(socket.getInputStream());
        }
    }

    record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse read(InputStream in) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String statusLine = reader.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            String line;
            while ((line = reader.readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            StringBuilder body = new StringBuilder();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                String size;
                while ((size = reader.readLine()) != null && !size.isBlank()) {
                    int length = Integer.parseInt(size.trim(), 16);
                    if (length == 0) {
                        break;
                    }
                    char[] buffer = new char[length];
                    int read = 0;
                    while (read < length) {
                        int n = reader.read(buffer, read, length - read);
                        if (n < 0) {
                            break;
                        }
                        read += n;
                    }
                    body.append(buffer, 0, read);
                    reader.readLine();
                }
            } else {
                char[] buffer = new char[8192];
                int n;
                while ((n = reader.read(buffer)) > 0) {
                    body.append(buffer, 0, n);
                }
            }
            return new RawResponse(status, headers, body.toString());
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
