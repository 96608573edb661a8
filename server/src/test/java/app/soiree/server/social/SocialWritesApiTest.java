package app.soiree.server.social;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.UserId;
import app.soiree.command.social.GuestBans;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The social writes over HTTP, with their refusals, and what they change elsewhere: direct conversations, bookings
 * and notifications.
 */
@IntegrationTest
class SocialWritesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    GuestBans bans;
    Api api;
    Session host;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        host = api.newHost("Hal Host");
    }

    @Test
    void aGuestFollowsAHostAndTheHostHearsOfIt() {
        Session gil = api.newUser("Gil Guest");

        JsonNode followed = api.post("/api/users/" + host.userId() + "/follow", gil.accessToken(), Map.of("notifyOnPublish", true))
                .expectStatus(200).json();
        assertThat(followed.get("state").asString()).isEqualTo("FOLLOWING");
        // following again changes nothing, also without a body
        assertThat(api.post("/api/users/" + host.userId() + "/follow", gil.accessToken(), null).expectStatus(200)
                .json().get("state").asString()).isEqualTo("FOLLOWING");

        JsonNode told = awaitNotification(host, "NEW_FOLLOWER");
        assertThat(told.get("title").asString()).isEqualTo("Gil Guest follows you");
        assertThat(told.get("data").get("actorId").asString()).isEqualTo(gil.userId());
    }

    @Test
    void followingIsRefusedForOneselfStrangersAndAnonymousCallers() {
        Session kim = api.newUser("Kim");
        assertThat(api.post("/api/users/" + kim.userId() + "/follow", kim.accessToken(), null).expectStatus(422).code())
                .isEqualTo("CANNOT_FOLLOW_SELF");
        assertThat(api.post("/api/users/" + UUID.randomUUID() + "/follow", kim.accessToken(), null).expectStatus(404).code())
                .isEqualTo("NOT_FOUND");
        api.post("/api/users/" + host.userId() + "/follow", null, null).expectStatus(401);
        api.post("/api/users/not-a-uuid/follow", kim.accessToken(), null).expectStatus(400);
    }

    @Test
    void aUserWhoApprovesFollowersDecidesOnEachRequest() {
        Session pia = api.newUser("Pia Private");
        Session ron = api.newUser("Ron");
        Session sue = api.newUser("Sue");
        JsonNode settings = api.put("/api/me/privacy", pia.accessToken(),
                Map.of("approveFollowers", true, "followersVisible", false, "followingVisible", true)).expectStatus(200).json();
        assertThat(settings.get("approveFollowers").asBoolean()).isTrue();
        api.put("/api/me/privacy", pia.accessToken(), Map.of("approveFollowers", true)).expectStatus(400);

        assertThat(api.post("/api/users/" + pia.userId() + "/follow", ron.accessToken(), null).expectStatus(200).json()
                .get("state").asString()).isEqualTo("REQUESTED");
        assertThat(api.post("/api/users/" + pia.userId() + "/follow", sue.accessToken(), null).expectStatus(200).json()
                .get("state").asString()).isEqualTo("REQUESTED");
        assertThat(awaitNotification(pia, "FOLLOW_REQUESTED").get("title").asString()).endsWith("asks to follow you");

        // only a request that waits can be answered, and only by the one asked
        api.post("/api/me/follow-requests/" + pia.userId() + "/approve", ron.accessToken(), null).expectStatus(404);
        api.post("/api/me/follow-requests/" + ron.userId() + "/approve", sue.accessToken(), null).expectStatus(404);
        api.post("/api/me/follow-requests/" + ron.userId() + "/approve", pia.accessToken(), null).expectStatus(204);
        api.post("/api/me/follow-requests/" + ron.userId() + "/approve", pia.accessToken(), null).expectStatus(404);
        api.post("/api/me/follow-requests/" + sue.userId() + "/reject", pia.accessToken(), null).expectStatus(204);

        assertThat(api.post("/api/users/" + pia.userId() + "/follow", ron.accessToken(), null).expectStatus(200).json()
                .get("state").asString()).isEqualTo("FOLLOWING");
        // removing a follower, unfollowing, and undoing what is not there all answer 204
        api.delete("/api/me/followers/" + ron.userId(), pia.accessToken()).expectStatus(204);
        api.delete("/api/me/followers/" + ron.userId(), pia.accessToken()).expectStatus(204);
        api.delete("/api/users/" + pia.userId() + "/follow", sue.accessToken()).expectStatus(204);
        api.delete("/api/users/" + UUID.randomUUID() + "/follow", sue.accessToken()).expectStatus(204);
    }

    @Test
    void aBlockRefusesFollowsAndDirectMessagesBothWaysUntilLifted() {
        Session ann = api.newUser("Ann");
        Session bob = api.newUser("Bob");
        api.post("/api/users/" + ann.userId() + "/follow", bob.accessToken(), null).expectStatus(200);
        String direct = api.post("/api/conversations/direct", bob.accessToken(), Map.of("userId", ann.userId())).expectStatus(201)
                .json().get("conversationId").asString();

        api.post("/api/users/" + bob.userId() + "/block", ann.accessToken(), null).expectStatus(204);
        api.post("/api/users/" + bob.userId() + "/block", ann.accessToken(), null).expectStatus(204);

        assertThat(api.post("/api/users/" + ann.userId() + "/follow", bob.accessToken(), null).expectStatus(403).code()).isEqualTo("BLOCKED");
        assertThat(api.post("/api/users/" + bob.userId() + "/follow", ann.accessToken(), null).expectStatus(403).code()).isEqualTo("BLOCKED");
        assertThat(api.post("/api/conversations/direct", bob.accessToken(), Map.of("userId", ann.userId())).expectStatus(403).code())
                .isEqualTo("BLOCKED");
        assertThat(api.postOnce("/api/conversations/" + direct + "/messages", bob.accessToken(), Map.of("type", "TEXT", "text", "hey?"))
                .expectStatus(403).code()).isEqualTo("BLOCKED");
        assertThat(api.postOnce("/api/conversations/" + direct + "/messages", ann.accessToken(), Map.of("type", "TEXT", "text", "no"))
                .expectStatus(403).code()).isEqualTo("BLOCKED");
        // only the blocker lifts it
        api.delete("/api/users/" + ann.userId() + "/block", bob.accessToken()).expectStatus(204);
        api.post("/api/users/" + ann.userId() + "/follow", bob.accessToken(), null).expectStatus(403);
        api.delete("/api/users/" + bob.userId() + "/block", ann.accessToken()).expectStatus(204);

        // the block ended the follow: following again starts a new one
        assertThat(api.post("/api/users/" + ann.userId() + "/follow", bob.accessToken(), null).expectStatus(200).json()
                .get("state").asString()).isEqualTo("FOLLOWING");
        api.postOnce("/api/conversations/" + direct + "/messages", bob.accessToken(), Map.of("type", "TEXT", "text", "friends again"))
                .expectStatus(201);
        api.post("/api/users/" + UUID.randomUUID() + "/block", ann.accessToken(), null).expectStatus(404);
    }

    @Test
    void aHostBarsAGuestFromBookingTheirGatherings() {
        Session nat = api.newUser("Nat");
        String gatheringId = Gatherings.publish(api, host, gathering("Quiz night", List.of(tier("Free", 0, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);

        api.post("/api/me/banned-guests", nat.accessToken(), Map.of("userId", host.userId())).expectStatus(403);
        api.post("/api/me/banned-guests", host.accessToken(), Map.of("userId", "nope")).expectStatus(400);
        api.post("/api/me/banned-guests", host.accessToken(), Map.of("userId", nat.userId(), "reason", "Two no-shows")).expectStatus(201);

        assertThat(api.postOnce("/api/bookings", nat.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(422).code()).isEqualTo("BANNED_BY_HOST");
        Session other = api.newUser("Ola");
        // A batch of holds asks about all its guests at once.
        UserId hostId = UserId.of(host.userId());
        GuestBans batch = bans.of(hostId, List.of(UserId.of(nat.userId()), UserId.of(other.userId())));
        assertThat(batch.banned(hostId, UserId.of(nat.userId()))).isTrue();
        assertThat(batch.banned(hostId, UserId.of(other.userId()))).isFalse();
        api.postOnce("/api/bookings", other.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201);

        api.delete("/api/me/banned-guests/" + nat.userId(), host.accessToken()).expectStatus(204);
        api.postOnce("/api/bookings", nat.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201);
    }

    @Test
    void followersWhoAskedHearOfPublicationsAndAnnouncementsReachThemAndTheGuests() {
        Session fay = api.newUser("Fay Follower");
        Session quiet = api.newUser("Quinn Quiet");
        Session guest = api.newUser("Gail Guest");
        api.post("/api/users/" + host.userId() + "/follow", fay.accessToken(), Map.of("notifyOnPublish", true)).expectStatus(200);
        api.post("/api/users/" + host.userId() + "/follow", quiet.accessToken(), Map.of("notifyOnPublish", false)).expectStatus(200);

        String gatheringId = Gatherings.publish(api, host, gathering("Rooftop cinema", List.of(tier("Free", 0, 10))));
        JsonNode published = awaitNotification(fay, "HOST_PUBLISHED");
        assertThat(published.get("title").asString()).isEqualTo("Hal Host published Rooftop cinema");
        api.postOnce("/api/bookings", guest.accessToken(),
                Map.of("gatheringId", gatheringId, "tierId", Gatherings.firstTierId(api, gatheringId), "quantity", 1)).expectStatus(201);
        awaitNotification(guest, "BOOKING_CONFIRMED");

        api.post("/api/gatherings/" + gatheringId + "/announcements", guest.accessToken(), Map.of("text", "Free popcorn")).expectStatus(404);
        api.post("/api/gatherings/" + gatheringId + "/announcements", host.accessToken(), Map.of("text", " ")).expectStatus(400);
        api.post("/api/gatherings/" + gatheringId + "/announcements", host.accessToken(), Map.of("text", "x".repeat(1001))).expectStatus(400);
        for (String text : List.of("Bring a blanket", "Doors at nine", "Moved to the east roof")) {
            assertThat(api.post("/api/gatherings/" + gatheringId + "/announcements", host.accessToken(), Map.of("text", text))
                    .expectStatus(202).json().get("announcementId").asString()).isNotBlank();
        }
        assertThat(api.post("/api/gatherings/" + gatheringId + "/announcements", host.accessToken(), Map.of("text", "One more"))
                .expectStatus(422).code()).isEqualTo("ANNOUNCEMENT_LIMIT_REACHED");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(fay, "ANNOUNCEMENT") == 3 && count(guest, "ANNOUNCEMENT") == 3);
        assertThat(kinds(quiet)).doesNotContain("HOST_PUBLISHED", "ANNOUNCEMENT");
        assertThat(bodies(guest, "ANNOUNCEMENT")).containsExactlyInAnyOrder("Bring a blanket", "Doors at nine", "Moved to the east roof");
    }

    @Test
    void aGuestWhoBlockedTheHostHearsNothingTheHostCauses() {
        Session zed = api.newUser("Zed");
        Session amy = api.newUser("Amy");
        String gatheringId = Gatherings.publish(api, host, gathering("Jazz brunch", List.of(tier("Free", 0, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        for (Session guest : List.of(zed, amy)) {
            api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                    .expectStatus(201);
            awaitNotification(guest, "BOOKING_CONFIRMED");
        }
        api.post("/api/users/" + host.userId() + "/block", zed.accessToken(), null).expectStatus(204);

        api.post("/api/gatherings/" + gatheringId + "/announcements", host.accessToken(), Map.of("text", "Bring sunglasses")).expectStatus(202);
        awaitNotification(amy, "ANNOUNCEMENT");
        // what the host cancels still reaches Zed: a cancellation is the platform's news, not the host's word
        api.post("/api/gatherings/" + gatheringId + "/cancel", host.accessToken(), Map.of("reason", "Rain")).expectStatus(200);
        awaitNotification(zed, "GATHERING_CANCELLED");
        awaitNotification(amy, "GATHERING_CANCELLED");
        assertThat(kinds(zed)).doesNotContain("ANNOUNCEMENT");
    }

    private JsonNode awaitNotification(Session user, String kind) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> find(user, kind), found -> found != null);
    }

    private JsonNode find(Session user, String kind) {
        for (JsonNode item : api.get("/api/me/notifications?limit=100", user.accessToken()).expectStatus(200).json().get("items")) {
            if (item.get("kind").asString().equals(kind)) {
                return item;
            }
        }
        return null;
    }

    private List<String> kinds(Session user) {
        return api.get("/api/me/notifications?limit=100", user.accessToken()).expectStatus(200).json().get("items").valueStream()
                .map(item -> item.get("kind").asString()).toList();
    }

    private long count(Session user, String kind) {
        return kinds(user).stream().filter(kind::equals).count();
    }

    private List<String> bodies(Session user, String kind) {
        return api.get("/api/me/notifications?limit=100", user.accessToken()).expectStatus(200).json().get("items").valueStream()
                .filter(item -> item.get("kind").asString().equals(kind)).map(item -> item.get("body").asString()).toList();
    }
}
