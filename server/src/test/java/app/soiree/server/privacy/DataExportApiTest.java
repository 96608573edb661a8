package app.soiree.server.privacy;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The right of access through the HTTP API: Ada books and pays, writes in a chat, is notified, follows and is
 * followed; her export holds all of it, and nothing of Ben, who did the same beside her.
 */
@IntegrationTest
class DataExportApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    Api api;
    Session host;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        host = api.newHost("Export Host");
    }

    @Test
    void theExportHoldsEverythingAboutTheCallerAndNothingAboutAnotherUser() {
        String gatheringId = Gatherings.publish(api, host, gathering("Export supper", List.of(tier("Seat", 1500, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Session ada = api.newUser("Ada Export");
        Session ben = api.newUser("Ben Export");

        JsonNode adaBooking = bookAndPay(ada, gatheringId, tierId);
        JsonNode benBooking = bookAndPay(ben, gatheringId, tierId);
        String conversation = api.post("/api/conversations/direct", ada.accessToken(), Map.of("userId", ben.userId()))
                .expectStatus(201).json().get("conversationId").asString();
        String adaWords = "Ada says the blue door " + UUID.randomUUID();
        String benWords = "Ben whispers the green door " + UUID.randomUUID();
        String kept = post(conversation, ada, adaWords);
        String deleted = post(conversation, ada, "Ada regrets this " + UUID.randomUUID());
        api.delete("/api/messages/" + deleted, ada.accessToken()).expectStatus(204);
        post(conversation, ben, benWords);
        api.post("/api/users/" + host.userId() + "/follow", ada.accessToken(), null).expectStatus(200);
        api.post("/api/users/" + ada.userId() + "/follow", ben.accessToken(), null).expectStatus(200);

        // The read models catch up with the stream on their own time.
        Response export = await().atMost(WAIT).until(() -> api.get("/api/me/data-export", ada.accessToken()).expectStatus(200),
                response -> hasCaughtUp(response.json(), deleted));
        JsonNode data = export.json();

        assertThat(export.header("Content-Disposition")).contains("attachment").contains("soiree-data-" + ada.userId() + ".json");
        assertThat(export.header("Cache-Control")).contains("no-store");
        assertThat(data.get("userId").asString()).isEqualTo(ada.userId());
        assertThat(data.get("profile").get("displayName").asString()).isEqualTo("Ada Export");
        assertThat(data.get("profile").get("email").asString()).isEqualTo(ada.email());
        assertThat(data.get("profile").get("privacy").get("approveFollowers").asBoolean()).isFalse();
        assertThat(data.get("notificationSettings").get("preferences").get("language").asString()).isEqualTo("en");

        assertThat(ids(data.get("bookings"), "bookingId")).containsExactly(adaBooking.get("bookingId").asString());
        assertThat(data.get("bookings").get(0).get("gatheringTitle").asString()).isEqualTo("Export supper");
        assertThat(data.get("bookings").get(0).get("amount").get("amount").asLong()).isEqualTo(1500);
        assertThat(ids(data.get("payments"), "paymentId")).containsExactly(adaBooking.get("payment").get("paymentId").asString());
        assertThat(data.get("payments").get(0).get("status").asString()).isEqualTo("CAPTURED");

        JsonNode keptMessage = entry(data.get("messages"), "messageId", kept);
        assertThat(keptMessage.get("text").asString()).isEqualTo(adaWords);
        assertThat(keptMessage.get("deleted").asBoolean()).isFalse();
        JsonNode deletedMessage = entry(data.get("messages"), "messageId", deleted);
        assertThat(deletedMessage.get("deleted").asBoolean()).isTrue();
        assertThat(deletedMessage.get("text").isNull()).as("a deleted message's text is gone").isTrue();

        assertThat(ids(data.get("notifications"), "kind")).contains("BOOKING_CONFIRMED");
        assertThat(ids(data.get("relationships").get("following"), "userId")).containsExactly(host.userId());
        assertThat(ids(data.get("relationships").get("followers"), "userId")).containsExactly(ben.userId());
        assertThat(data.get("truncatedSections")).isEmpty();

        // Ben appears only by id, where Ada's own data is about him: never his words, his email or his booking. The one
        // exception is what Ada was told: a notification she received ("Ben Export follows you") is hers, his name and all.
        assertThat(export.body()).doesNotContain(benWords, ben.email(), benBooking.get("bookingId").asString(),
                benBooking.get("payment").get("paymentId").asString());
        assertThat(((ObjectNode) data.deepCopy()).without("notifications").toString()).doesNotContain("Ben Export");
    }

    @Test
    void eachUserGetsOnlyTheirOwnExportAndAnonymousCallersNone() {
        Session cleo = api.newUser("Cleo Export");

        Response own = await().atMost(WAIT).until(() -> api.get("/api/me/data-export", cleo.accessToken()), r -> r.status() == 200);

        assertThat(own.json().get("userId").asString()).isEqualTo(cleo.userId());
        assertThat(own.json().get("bookings")).isEmpty();
        assertThat(own.body()).doesNotContain(host.email());
        assertThat(api.get("/api/me/data-export", null).status()).isEqualTo(401);
        assertThat(api.get("/api/me/data-export?userId=" + host.userId(), cleo.accessToken()).json().get("userId").asString())
                .as("no parameter names another user").isEqualTo(cleo.userId());
    }

    private JsonNode bookAndPay(Session guest, String gatheringId, String tierId) {
        JsonNode booking = api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201).json();
        String paymentId = booking.get("payment").get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        return booking;
    }

    private String post(String conversation, Session sender, String text) {
        return api.postOnce("/api/conversations/" + conversation + "/messages", sender.accessToken(), Map.of("type", "TEXT", "text", text))
                .expectStatus(201).json().get("messageId").asString();
    }

    /** Everything the test did has reached the read models: the payment captured, the deletion applied, the follows. */
    private static boolean hasCaughtUp(JsonNode data, String deletedMessageId) {
        return data.get("payments").size() == 1 && "CAPTURED".equals(data.get("payments").get(0).get("status").asString())
                && ids(data.get("notifications"), "kind").contains("BOOKING_CONFIRMED")
                && data.get("messages").size() == 2 && entry(data.get("messages"), "messageId", deletedMessageId).get("deleted").asBoolean()
                && data.get("relationships").get("following").size() == 1 && data.get("relationships").get("followers").size() == 1;
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get(field).asString()));
        return ids;
    }

    private static JsonNode entry(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + items);
    }
}
