package app.soiree.server.jvm;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What a server does in its busiest minutes, done once through its own HTTP API: guests register, book a popular
 * gathering until it is sold out, pay through the simulated provider and are confirmed; hosts and guests read
 * discovery, their wallet, bookings, conversations, feed and notifications; confirmed guests post in the gathering's
 * chat. {@link AotTraining} runs it so that the JDK's AOT cache holds these paths' classes and method profiles; a test
 * runs it small against the test server, so that the image's training cannot drift from the API.
 */
final class TrainingWorkload {

    /**
     * {@code soiree.jvm.training.*}, how much to do: {@code rounds} gatherings of {@code seats} seats, each asked for by all
     * {@code guests}, {@code concurrency} requests at a time. The defaults confirm 1,800 bookings: a path a booking runs a
     * few times is only compiled by C2 after some thousands of calls, and the fewer the training makes, the more of that
     * is left to a server's first rushes (docs/benchmarks.md, "Compact object headers and a longer AOT training").
     */
    @ConfigurationProperties("soiree.jvm.training")
    record Size(@DefaultValue("1000") int guests, @DefaultValue("300") int seats, @DefaultValue("6") int rounds,
                @DefaultValue("8") int concurrency) {
    }

    /** What the run did, to be logged and checked. */
    record Done(int bookingsConfirmed, int soldOutAnswers, int reads, int posts) {
    }

    private static final Duration CONFIRMATION_WAIT = Duration.ofSeconds(120);

    private final RestClient http;
    private final Size size;

    TrainingWorkload(URI baseUrl, Size size) {
        this.http = RestClient.builder().baseUrl(baseUrl.toString()).build();
        this.size = size;
    }

    Done run() throws Exception {
        User host = hostAccount();
        List<User> guests = inParallel(size.guests(), i -> register("Training guest " + i));
        int confirmed = 0;
        int soldOut = 0;
        int reads = 0;
        int posts = 0;
        for (int round = 0; round < size.rounds(); round++) {
            Tier tier = publishedGathering(host, "Training supper " + round);
            List<@Nullable String> bookings = inParallel(guests.size(), i -> bookAndPay(guests.get(i), tier));
            soldOut += (int) bookings.stream().filter(Objects::isNull).count();
            confirmed += awaitConfirmed(guests, bookings);
            reads += readEverything(host, guests, tier);
            posts += chat(guests, bookings);
        }
        return new Done(confirmed, soldOut, reads, posts);
    }

    // ---- the people

    private record User(String userId, String email, String password, String token) {
    }

    private User register(String name) {
        String email = "training." + UUID.randomUUID() + "@soiree.invalid";
        String password = "training-" + UUID.randomUUID();
        String userId = field(expect(201, call(HttpMethod.POST, "/api/auth/register", null,
                Map.of("email", email, "password", password, "displayName", name), false)), "userId");
        return signIn(userId, email, password);
    }

    private User signIn(String userId, String email, String password) {
        String token = field(expect(200, call(HttpMethod.POST, "/api/auth/login", null,
                Map.of("email", email, "password", password), false)), "accessToken");
        return new User(userId, email, password, token);
    }

    private User hostAccount() {
        User user = register("Training host");
        expect(200, call(HttpMethod.POST, "/api/me/host-profile", user.token(), Map.of("bio", "Hosts training suppers"), false));
        return signIn(user.userId(), user.email(), user.password()); // the HOST role is in tokens issued from now on
    }

    // ---- gatherings and bookings

    private record Tier(String gatheringId, String tierId) {
    }

    private Tier publishedGathering(User host, String title) throws InterruptedException {
        Instant startsAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("description", "A gathering the AOT cache's training run books out");
        draft.put("startsAt", startsAt.toString());
        draft.put("endsAt", startsAt.plus(Duration.ofHours(3)).toString());
        draft.put("timezone", "Europe/Lisbon");
        draft.put("venue", Map.of("name", "Casa", "address", "Rua da Rosa 1, Lisboa"));
        draft.put("online", false);
        draft.put("tags", List.of("training", "food"));
        draft.put("tiers", List.of(Map.of("name", "Seat", "price", Map.of("amount", 3_000, "currency", "EUR"),
                "capacity", size.seats())));
        draft.put("refundPolicy", Map.of("fullRefundHoursBefore", 48));
        String gatheringId = field(expect(201, call(HttpMethod.POST, "/api/gatherings", host.token(), draft, false)), "gatheringId");
        expect(200, call(HttpMethod.POST, "/api/gatherings/" + gatheringId + "/publish", host.token(), null, false));
        Instant giveUp = Instant.now().plus(CONFIRMATION_WAIT);
        while (true) {
            Answer shown = call(HttpMethod.GET, "/api/gatherings/" + gatheringId, null, null, false);
            if (shown.status() == 200 && shown.body() instanceof Map<?, ?> gathering
                    && gathering.get("tiers") instanceof List<?> tiers && tiers.getFirst() instanceof Map<?, ?> tier) {
                return new Tier(gatheringId, String.valueOf(tier.get("tierId")));
            }
            pause(giveUp, "gathering " + gatheringId + " on the read side");
        }
    }

    /** One seat, paid at once as the rush's guests do; null when the answer is SOLD_OUT. */
    private @Nullable String bookAndPay(User guest, Tier tier) {
        Map<String, Object> seat = Map.of("gatheringId", tier.gatheringId(), "tierId", tier.tierId(), "quantity", 1);
        Answer answer = call(HttpMethod.POST, "/api/bookings", guest.token(), seat, true);
        if (answer.status() == 422 && answer.body() instanceof Map<?, ?> problem && "SOLD_OUT".equals(problem.get("code"))) {
            return null;
        }
        Map<?, ?> booking = (Map<?, ?>) expect(201, answer);
        String paymentId = String.valueOf(((Map<?, ?>) Objects.requireNonNull(booking.get("payment"))).get("paymentId"));
        expect(202, call(HttpMethod.POST, "/api/dev/payments/" + paymentId + "/outcome", guest.token(),
                Map.of("outcome", "succeeded"), false));
        return String.valueOf(booking.get("bookingId"));
    }

    private int awaitConfirmed(List<User> guests, List<@Nullable String> bookings) throws InterruptedException {
        Instant giveUp = Instant.now().plus(CONFIRMATION_WAIT);
        int confirmed = 0;
        for (int i = 0; i < bookings.size(); i++) {
            String bookingId = bookings.get(i);
            if (bookingId == null) {
                continue;
            }
            while (!(call(HttpMethod.GET, "/api/bookings/" + bookingId, guests.get(i).token(), null, false).body()
                    instanceof Map<?, ?> booking && "CONFIRMED".equals(booking.get("status")))) {
                pause(giveUp, "booking " + bookingId + " confirmed");
            }
            confirmed++;
        }
        return confirmed;
    }

    // ---- reads and chat

    private int readEverything(User host, List<User> guests, Tier tier) throws Exception {
        List<String> guestReads = List.of("/api/me/bookings", "/api/me/conversations", "/api/me/feed", "/api/me/notifications",
                "/api/me/notifications/unread-count");
        return inParallel(guests.size() * 2, i -> {
            User guest = guests.get(i % guests.size());
            return switch (i % 4) {
                case 0 -> expect(200, call(HttpMethod.GET, "/api/gatherings", null, null, false));
                case 1 -> expect(200, call(HttpMethod.GET, "/api/gatherings/" + tier.gatheringId(), null, null, false));
                case 2 -> expect(200, call(HttpMethod.GET, "/api/me/wallet", host.token(), null, false));
                default -> expect(200, call(HttpMethod.GET, guestReads.get(i / 4 % guestReads.size()), guest.token(), null, false));
            };
        }).size();
    }

    /** Each confirmed guest says hello in the gathering's conversation, once. */
    private int chat(List<User> guests, List<@Nullable String> bookings) throws Exception {
        List<User> confirmed = new ArrayList<>();
        for (int i = 0; i < bookings.size(); i++) {
            if (bookings.get(i) != null) {
                confirmed.add(guests.get(i));
            }
        }
        return (int) inParallel(confirmed.size(), i -> {
            User guest = confirmed.get(i);
            Map<?, ?> page = (Map<?, ?>) expect(200, call(HttpMethod.GET, "/api/me/conversations?kind=GATHERING", guest.token(), null, false));
            List<?> items = (List<?>) Objects.requireNonNull(page.get("items"));
            if (items.isEmpty()) {
                return false; // joins with the next batch of the membership process; the next round posts
            }
            String conversationId = String.valueOf(((Map<?, ?>) items.getFirst()).get("conversationId"));
            expect(201, call(HttpMethod.POST, "/api/conversations/" + conversationId + "/messages", guest.token(),
                    Map.of("type", "TEXT", "text", "Looking forward to it!"), true));
            return true;
        }).stream().filter(posted -> posted).count();
    }

    // ---- HTTP

    private record Answer(int status, @Nullable Object body) {
    }

    private Answer call(HttpMethod method, String path, @Nullable String token, @Nullable Object body, boolean idempotencyKey) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (idempotencyKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                response.getHeaders().getContentLength() == 0 ? null : response.bodyTo(Object.class)), true);
    }

    private static Object expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("Expected HTTP " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return Objects.requireNonNull(answer.body(), "an answer with a body");
    }

    private static String field(Object body, String name) {
        return String.valueOf(Objects.requireNonNull(((Map<?, ?>) body).get(name), name));
    }

    private static void pause(Instant giveUp, String waitingFor) throws InterruptedException {
        if (Instant.now().isAfter(giveUp)) {
            throw new IllegalStateException("Gave up waiting for " + waitingFor);
        }
        Thread.sleep(20);
    }

    private <T> List<T> inParallel(int count, IntFunction<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(size.concurrency())) {
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
