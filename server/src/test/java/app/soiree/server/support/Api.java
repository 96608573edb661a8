package app.soiree.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the API, as a client app would use it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Response get(String path, @Nullable String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, @Nullable String token, @Nullable Object body) {
        return post(path, token, body, Map.of());
    }

    public Response post(String path, @Nullable String token, @Nullable Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    public Response postRaw(String path, @Nullable String token, String rawBody, String contentType) {
        return send(request(path, token).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    /** Registers a fresh user with a unique email and signs them in. */
    public Session newUser(String displayName) {
        String email = displayName.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@soiree.test";
        String password = "password-" + UUID.randomUUID();
        Response registered = post("/api/auth/register", null, Map.of("email", email, "password", password, "displayName", displayName));
        registered.expectStatus(201);
        return signIn(registered.json().get("userId").asString(), email, password);
    }

    /** A fresh user who has become a host, with tokens that carry the HOST role. */
    public Session newHost(String displayName) {
        Session user = newUser(displayName);
        post("/api/me/host-profile", user.accessToken(), Map.of("bio", "Hosting since today")).expectStatus(200);
        Response refreshed = post("/api/auth/refresh", null, Map.of("refreshToken", user.refreshToken())).expectStatus(200);
        return new Session(user.userId(), user.email(), user.password(), refreshed.json().get("accessToken").asString(),
                refreshed.json().get("refreshToken").asString());
    }

    /** POST with a fresh Idempotency-Key, as a well-behaved client sends every write. */
    public Response postOnce(String path, @Nullable String token, @Nullable Object body) {
        return post(path, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    public Response put(String path, @Nullable String token) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Response put(String path, @Nullable String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response delete(String path, @Nullable String token) {
        return send(request(path, token).DELETE());
    }

    public Response patch(String path, @Nullable String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** A new staff member with the given roles (SUPPORT, FINANCE, ADMIN), created by an admin, signed in. */
    public Session newStaff(Session admin, String... roles) {
        String email = String.join("-", roles).toLowerCase(java.util.Locale.ROOT) + "." + UUID.randomUUID() + "@soiree.test";
        Response created = post("/api/admin/staff", admin.accessToken(),
                Map.of("email", email, "password", "staff-password-1", "displayName", String.join(" ", roles), "roles", java.util.List.of(roles)));
        created.expectStatus(201);
        return signIn(created.json().get("userId").asString(), email, "staff-password-1");
    }

    public Session signIn(String userId, String email, String password) {
        Response login = post("/api/auth/login", null, Map.of("email", email, "password", password));
        login.expectStatus(200);
        return new Session(userId, email, password, login.json().get("accessToken").asString(),
                login.json().get("refreshToken").asString());
    }

    /** A signed-in user: their id, credentials and current tokens. */
    public record Session(String userId, String email, String password, String accessToken, String refreshToken) {
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public @Nullable String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public Response expectStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public String code() {
            return json().path("code").asString();
        }
    }
}
