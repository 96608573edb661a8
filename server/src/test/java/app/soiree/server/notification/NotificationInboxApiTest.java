package app.soiree.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryDeferred;
import app.soiree.api.notification.DeliveryDue;
import app.soiree.api.notification.DeliveryFailed;
import app.soiree.api.notification.DeliveryResendRequested;
import app.soiree.api.notification.DeliverySent;
import app.soiree.api.notification.DeliverySkipped;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.NotificationPlanned;
import app.soiree.api.notification.NotificationRead;
import app.soiree.api.notification.NotificationWithdrawn;
import app.soiree.api.notification.SkipReason;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Staff;
import app.soiree.server.support.Stomp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The inbox, the preferences read and support's view through the API and the socket, fed with notification events
 * published straight onto the event bus as the Notification aggregate publishes them (numbered per notification).
 */
@IntegrationTest
class NotificationInboxApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventBus eventBus;

    Api api;
    Session ana;
    Session ben;
    UserId anaId;
    final Map<NotificationId, Long> sequences = new ConcurrentHashMap<>();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ana = api.newUser("Ana");
        ben = api.newUser("Ben");
        anaId = UserId.of(ana.userId());
    }

    @Test
    void aNotificationReachesTheInboxAndTheSocketOnlyOnceItsInAppDeliveryWentOut() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            NotificationId later = NotificationId.of("hold:" + ana.userId(), anaId, NotificationKind.HOLD_EXPIRING);
            Instant due = now.plus(Duration.ofMinutes(10));
            publish(later, planned(later, anaId, NotificationKind.HOLD_EXPIRING, "Five more minutes", now, due),
                    new DeliveryDeferred(later, anaId, NotificationChannel.IN_APP, due, DeliveryDeferred.Reason.SCHEDULED, now));
            // Applied in stream order: once this one shows, the deferred one has been applied and is not in the inbox.
            NotificationId marker = shown(anaId, "follow:1", "Ben follows you", now);
            JsonNode pushed = socket.awaitEvent("notification.new");
            assertThat(pushed.get("data").get("notificationId").asString()).isEqualTo(marker.toString());
            assertThat(pushed.get("data").get("title").asString()).isEqualTo("Ben follows you");
            assertThat(pushed.get("data").get("data").get("gatheringId").asString()).isEqualTo("g-1");
            JsonNode count = socket.awaitEvent("unread.total");
            assertThat(count.get("data").get("scope").asString()).isEqualTo("NOTIFICATIONS");
            assertThat(count.get("data").get("count").asInt()).isEqualTo(1);
            assertThat(titles(inbox(ana, ""))).containsExactly("Ben follows you");

            publish(later, new DeliveryDue(later, anaId, NotificationKind.HOLD_EXPIRING, NotificationChannel.IN_APP, 1, null, due),
                    new DeliverySent(later, anaId, NotificationChannel.IN_APP, 1, null, null, null, due));

            assertThat(socket.awaitEvent("notification.new").get("data").get("notificationId").asString()).isEqualTo(later.toString());
            assertThat(socket.awaitEvent("unread.total").get("data").get("count").asInt()).isEqualTo(2);
            JsonNode items = inbox(ana, "").get("items");
            assertThat(titles(items)).containsExactly("Five more minutes", "Ben follows you");
            JsonNode item = items.get(0);
            assertThat(item.get("kind").asString()).isEqualTo("HOLD_EXPIRING");
            assertThat(item.get("category").asString()).isEqualTo("TRANSACTIONAL");
            assertThat(item.get("body").asString()).isEqualTo("Five more minutes, in full");
            assertThat(Instant.parse(item.get("createdAt").asString())).isEqualTo(now);
            assertThat(absent(item, "readAt")).isTrue();
            assertThat(unreadCount(ana)).isEqualTo(2);

            publish(marker, new NotificationRead(marker, anaId, now.plusSeconds(1)));
            assertThat(socket.awaitEvent("unread.total").get("data").get("count").asInt()).isEqualTo(1);
            assertThat(unreadCount(ana)).isEqualTo(1);
        }
    }

    @Test
    void chatsUnreadTotalAndTheInboxsCountAreToldApartByTheirScope() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            String conversation = api.post("/api/conversations/direct", ben.accessToken(), Map.of("userId", ana.userId())).json()
                    .get("conversationId").asString();
            api.postOnce("/api/conversations/" + conversation + "/messages", ben.accessToken(), Map.of("type", "TEXT", "text", "Hi"))
                    .expectStatus(201);
            JsonNode chat = socket.awaitEvent("unread.total");
            assertThat(chat.get("data").get("scope").asString()).isEqualTo("CHAT");
            assertThat(chat.get("data").get("total").asInt()).isEqualTo(1);

            shown(anaId, "follow:chat", "Ben follows you", now);
            JsonNode inbox = socket.awaitEvent("unread.total");
            assertThat(inbox.get("data").get("scope").asString()).isEqualTo("NOTIFICATIONS");
            assertThat(inbox.get("data").get("count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theInboxPagesNewestFirstLeavesOutReadAndWithdrawnOnesAndIsNobodyElses() {
        List<NotificationId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(shown(anaId, "follow:" + i, "Follower " + i, now.plusSeconds(i)));
        }
        publish(ids.get(1), new NotificationRead(ids.get(1), anaId, now.plusSeconds(10)));
        publish(ids.get(2), new NotificationWithdrawn(ids.get(2), anaId, "no longer true", now.plusSeconds(10)));
        // One segment applies them in stream order: the withdrawn one gone and the count down to 3 means all are applied.
        await().atMost(Duration.ofSeconds(10)).until(() -> titles(inbox(ana, "")).equals(List.of("Follower 4", "Follower 3", "Follower 1",
                "Follower 0")) && unreadCount(ana) == 3);

        JsonNode first = inbox(ana, "?limit=2");
        assertThat(titles(first.get("items"))).containsExactly("Follower 4", "Follower 3");
        assertThat(absent(first.get("items").get(0), "readAt")).isTrue();
        JsonNode second = inbox(ana, "?limit=2&cursor=" + first.get("nextCursor").asString());
        assertThat(titles(second.get("items"))).containsExactly("Follower 1", "Follower 0");
        assertThat(second.get("items").get(0).get("readAt").asString()).isNotBlank();
        assertThat(absent(second, "nextCursor")).isTrue();
        assertThat(titles(inbox(ana, "?unreadOnly=true").get("items"))).containsExactly("Follower 4", "Follower 3", "Follower 0");

        assertThat(inbox(ben, "").get("items")).isEmpty();
        assertThat(unreadCount(ben)).isZero();
        api.get("/api/me/notifications?cursor=not-a-cursor", ana.accessToken()).expectStatus(400);
        api.get("/api/me/notifications?limit=101", ana.accessToken()).expectStatus(400);
        api.get("/api/me/notifications", null).expectStatus(401);
    }

    @Test
    void preferencesAreTheDefaultsUntilTheUserChangesAny() {
        JsonNode preferences = api.get("/api/me/notification-preferences", ana.accessToken()).expectStatus(200).json();

        assertThat(preferences.get("timezone").asString()).isEqualTo("UTC");
        assertThat(absent(preferences, "quietHours")).isTrue();
        assertThat(preferences.get("channels").get("EMAIL").asBoolean()).isTrue();
        assertThat(preferences.get("categories").get("PROMOTIONAL").get("EMAIL").asBoolean()).isFalse();
        assertThat(preferences.get("categories").get("TRANSACTIONAL").get("SMS").asBoolean()).isTrue();
        assertThat(preferences.get("language").asString()).isEqualTo("en");
        assertThat(preferences.get("version").asLong()).isZero();
        assertThat(preferences.get("phone").get("verified").asBoolean()).isFalse();
        assertThat(absent(preferences.get("phone"), "number")).isTrue();
        assertThat(preferences.get("whatsappConsent").asBoolean()).isFalse();
    }

    @Test
    void supportSeesEveryDeliveryWithItsHistoryAndARedeliveredEventIsOneEntry() {
        Session support = Staff.of(api, port).support();
        NotificationId id = NotificationId.of("refund:" + ana.userId(), anaId, NotificationKind.REFUND_ISSUED);
        DeliverySkipped skipped = new DeliverySkipped(id, anaId, NotificationChannel.WHATSAPP, SkipReason.NO_WHATSAPP_CONSENT, 2, now);
        publish(id, planned(id, anaId, NotificationKind.REFUND_ISSUED, "Refund on its way", now, null),
                new DeliverySent(id, anaId, NotificationChannel.IN_APP, 1, null, null, null, now),
                skipped,
                new DeliveryDue(id, anaId, NotificationKind.REFUND_ISSUED, NotificationChannel.EMAIL, 1, null, now),
                new DeliveryFailed(id, anaId, NotificationChannel.EMAIL, 1, "550", "mailbox unavailable", true, false, now.plusSeconds(1)),
                new DeliveryResendRequested(id, anaId, NotificationChannel.EMAIL, UserId.of(support.userId()), now.plusSeconds(5)),
                new DeliveryDue(id, anaId, NotificationKind.REFUND_ISSUED, NotificationChannel.EMAIL, 2, UserId.of(support.userId()),
                        now.plusSeconds(5)),
                new DeliverySent(id, anaId, NotificationChannel.EMAIL, 2, null, "a•••@soiree.test", UserId.of(support.userId()),
                        now.plusSeconds(6)),
                skipped);
        // Planned but not shown (its in-app delivery has not gone out): support sees it, the inbox does not.
        NotificationId waiting = NotificationId.of("waiting:" + ana.userId(), anaId, NotificationKind.GATHERING_REMINDER);
        publish(waiting, planned(waiting, anaId, NotificationKind.GATHERING_REMINDER, "Tomorrow", now.minusSeconds(1),
                now.plus(Duration.ofHours(1))));

        JsonNode page = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/staff/notifications?userId=" + ana.userId(), support.accessToken()).expectStatus(200).json(),
                json -> json.get("items").size() == 2 && emailSteps(json.get("items").get(0)).size() == 5);
        JsonNode refund = page.get("items").get(0);
        assertThat(refund.get("notificationId").asString()).isEqualTo(id.toString());
        assertThat(refund.get("visibleAt").asString()).isNotBlank();
        JsonNode whatsapp = delivery(refund, "WHATSAPP");
        assertThat(whatsapp.get("status").asString()).isEqualTo("SKIPPED");
        assertThat(whatsapp.get("history")).as("the same event twice is one entry").hasSize(1);
        assertThat(whatsapp.get("history").get(0).get("skipReason").asString()).isEqualTo("NO_WHATSAPP_CONSENT");
        assertThat(whatsapp.get("history").get(0).get("preferenceVersion").asLong()).isEqualTo(2);
        JsonNode email = delivery(refund, "EMAIL");
        assertThat(email.get("status").asString()).isEqualTo("SENT");
        assertThat(email.get("resentBy").asString()).isEqualTo(support.userId());
        assertThat(emailSteps(refund)).containsExactly("DUE", "FAILED", "RESEND_REQUESTED", "DUE", "SENT");
        assertThat(email.get("history").get(1).get("errorCode").asString()).isEqualTo("550");
        assertThat(email.get("history").get(2).get("resentBy").asString()).isEqualTo(support.userId());
        JsonNode notShown = page.get("items").get(1);
        assertThat(notShown.get("title").asString()).isEqualTo("Tomorrow");
        assertThat(absent(notShown, "visibleAt")).isTrue();
        assertThat(titles(inbox(ana, "").get("items"))).containsExactly("Refund on its way");

        api.get("/api/staff/notifications?userId=" + ana.userId(), ben.accessToken()).expectStatus(403);
        api.get("/api/staff/notifications?userId=" + ana.userId(), ana.accessToken()).expectStatus(403);
        assertThat(api.get("/api/staff/notifications?userId=" + ben.userId(), support.accessToken()).expectStatus(200).json()
                .get("items")).isEmpty();
        api.get("/api/staff/notifications", support.accessToken()).expectStatus(400);
    }

    private NotificationId shown(UserId recipient, String trigger, String title, Instant at) {
        NotificationId id = NotificationId.of(trigger + ":" + recipient, recipient, NotificationKind.NEW_FOLLOWER);
        publish(id, planned(id, recipient, NotificationKind.NEW_FOLLOWER, title, at, null),
                new DeliverySent(id, recipient, NotificationChannel.IN_APP, 1, null, null, null, at));
        return id;
    }

    /** As the Notification aggregate publishes: numbered per notification. */
    private void publish(NotificationId id, Object... payloads) {
        for (Object payload : payloads) {
            long sequence = sequences.merge(id, 1L, Long::sum) - 1;
            eventBus.publish(new GenericDomainEventMessage<>("Notification", id.toString(), sequence, payload));
        }
    }

    private static NotificationPlanned planned(NotificationId id, UserId recipient, NotificationKind kind, String title, Instant at,
                                               @Nullable Instant deliverAt) {
        return new NotificationPlanned(id, recipient, kind, kind.category(), "trigger:" + id,
                new NotificationContent(title, title + ", in full", "/gatherings/g-1", Map.of("gatheringId", "g-1"), "en"), deliverAt,
                at.plus(Duration.ofDays(1)), 1, at, Map.of(), Set.of(), Set.of());
    }

    /** The inbox once the read model has caught up with what was published (the last one shows first). */
    private JsonNode inbox(Session user, String query) {
        return api.get("/api/me/notifications" + query, user.accessToken()).expectStatus(200).json();
    }

    private long unreadCount(Session user) {
        return api.get("/api/me/notifications/unread-count", user.accessToken()).expectStatus(200).json().get("count").asLong();
    }

    private static List<String> titles(JsonNode items) {
        JsonNode list = items.has("items") ? items.get("items") : items;
        List<String> titles = new ArrayList<>();
        list.forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    private static JsonNode delivery(JsonNode notification, String channel) {
        for (JsonNode delivery : notification.get("deliveries")) {
            if (delivery.get("channel").asString().equals(channel)) {
                return delivery;
            }
        }
        throw new AssertionError("No " + channel + " delivery in " + notification);
    }

    private static List<String> emailSteps(JsonNode notification) {
        List<String> steps = new ArrayList<>();
        for (JsonNode delivery : notification.get("deliveries")) {
            if (delivery.get("channel").asString().equals("EMAIL")) {
                delivery.get("history").forEach(step -> steps.add(step.get("step").asString()));
            }
        }
        return steps;
    }

    /** Null or left out: the API writes no null fields. */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }
}
