package app.soiree.server.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** Request bodies for gatherings, as a host's client app would send them. */
public final class Gatherings {

    private Gatherings() {
    }

    public static Map<String, Object> money(long amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    public static Map<String, Object> tier(String name, long price, int capacity) {
        return Map.of("name", name, "price", money(price), "capacity", capacity);
    }

    /** A gathering a week from now, in Lisbon, with the given tiers. */
    public static Map<String, Object> gathering(String title, List<Map<String, Object>> tiers) {
        Instant startsAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        return gathering(title, startsAt, startsAt.plus(Duration.ofHours(3)), tiers);
    }

    public static Map<String, Object> gathering(String title, Instant startsAt, Instant endsAt, List<Map<String, Object>> tiers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "An evening of " + title.toLowerCase());
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("timezone", "Europe/Lisbon");
        body.put("venue", Map.of("name", "Casa", "address", "Rua da Rosa 1, Lisboa"));
        body.put("online", false);
        body.put("tags", List.of("food", "Lisbon"));
        body.put("tiers", tiers);
        body.put("refundPolicy", Map.of("fullRefundHoursBefore", 48));
        return body;
    }

    /** The id of the gathering's first tier, once the read side shows the gathering. */
    public static String firstTierId(Api api, String gatheringId) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/gatherings/" + gatheringId, null),
                r -> r.status() == 200).json().get("tiers").get(0).get("tierId").asString();
    }

    /** Creates and publishes the gathering; returns its id. */
    public static String publish(Api api, Api.Session host, Map<String, Object> gathering) {
        String gatheringId = api.post("/api/gatherings", host.accessToken(), gathering).expectStatus(201)
                .json().get("gatheringId").asString();
        api.post("/api/gatherings/" + gatheringId + "/publish", host.accessToken(), null).expectStatus(200);
        return gatheringId;
    }
}
