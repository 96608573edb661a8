package app.soiree.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A plain HTTP client for the setup that the measured phases need: accounts, gatherings, held seats.
 * Nothing done through this class is measured. It follows API.md, as a client app would.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Response expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new IllegalStateException("expected HTTP " + java.util.Arrays.toString(statuses) + " but got " + status + ": " + body);
        }
    }

    /** A signed-in user. */
    record Session(String userId, String email, String password, String accessToken) {
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, String token, Object body) {
        return post(path, token, body, false);
    }

    /** POST with a fresh Idempotency-Key, as API.md requires for bookings. */
    Response postOnce(String path, String token, Object body) {
        return post(path, token, body, true);
    }

    private Response post(String path, String token, Object body, boolean idempotencyKey) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return body == null ? "{}" : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- accounts

    Session register(String displayName) {
        String email = displayName.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + UUID.randomUUID() + "@bench.soiree.test";
        String password = "password-" + UUID.randomUUID();
        String userId = post("/api/auth/register", null, Map.of("email", email, "password", password, "displayName", displayName))
                .expect(201).json().get("userId").asText();
        return signIn(userId, email, password);
    }

    Session signIn(String userId, String email, String password) {
        String token = post("/api/auth/login", null, Map.of("email", email, "password", password)).expect(200).json().get("accessToken").asText();
        return new Session(userId, email, password, token);
    }

    Session registerHost(String displayName) {
        Session user = register(displayName);
        post("/api/me/host-profile", user.accessToken(), Map.of("bio", "Hosts benchmark gatherings")).expect(200);
        // The HOST role is in tokens issued from now on.
        return signIn(user.userId(), user.email(), user.password());
    }

    Session staff(Session admin, String displayName, String role) {
        String email = displayName.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + UUID.randomUUID() + "@bench.soiree.test";
        String password = "password-" + UUID.randomUUID();
        String userId = post("/api/admin/staff", admin.accessToken(),
                Map.of("email", email, "password", password, "displayName", displayName, "roles", List.of(role)))
                .expect(201).json().get("userId").asText();
        return signIn(userId, email, password);
    }

    /** Registers {@code count} guests, {@code concurrency} at a time. */
    List<Session> registerGuests(int count, int concurrency) throws Exception {
        return inParallel(count, concurrency, i -> register("Guest " + i));
    }

    // ---- gatherings

    record Tier(String gatheringId, String tierId) {
    }

    /** Creates and publishes a paid gathering a week from now with one tier, and waits until the read side shows it. */
    Tier publishGathering(Session host, String title, int capacity, long priceMinor) {
        String gatheringId = draftGathering(host, title, capacity, priceMinor);
        publish(host, gatheringId);
        JsonNode gathering = Waiting.until("gathering " + gatheringId + " on the read side", Duration.ofSeconds(60),
                () -> {
                    Response response = get("/api/gatherings/" + gatheringId, null);
                    return response.status() == 200 ? response.json() : null;
                });
        return new Tier(gatheringId, gathering.get("tiers").get(0).get("tierId").asText());
    }

    /** Publishes a draft of {@code host}'s; the answer is 200 once the command side has recorded it. */
    Response publish(Session host, String gatheringId) {
        return post("/api/gatherings/" + gatheringId + "/publish", host.accessToken(), null).expect(200);
    }

    /** Creates (does not publish) a paid gathering a week from now with one tier; returns its id. */
    String draftGathering(Session host, String title, int capacity, long priceMinor) {
        Instant startsAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "A benchmark gathering: " + title);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(3)).toString());
        body.put("timezone", "Europe/Lisbon");
        body.put("venue", Map.of("name", "Casa", "address", "Rua da Rosa 1, Lisboa"));
        body.put("online", false);
        body.put("tags", List.of("benchmark", "food"));
        body.put("tiers", List.of(Map.of("name", "Seat", "price", Map.of("amount", priceMinor, "currency", "EUR"), "capacity", capacity)));
        body.put("refundPolicy", Map.of("fullRefundHoursBefore", 48));
        return post("/api/gatherings", host.accessToken(), body).expect(201).json().get("gatheringId").asText();
    }

    /** Runs {@code count} tasks, {@code concurrency} at a time, and returns their results in order. */
    static <T> List<T> inParallel(int count, int concurrency, IntFunction<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.apply(n)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
