package app.soiree.server.social;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The "done means", through the real writes and the real read model: a guest follows a host (or asks to),
 * sees the host's new gathering in the feed, and blocks someone and stops seeing them everywhere.
 */
@IntegrationTest
class SocialJourneyTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aGuestFollowsAHostAndSeesWhatTheHostPublishesNewestFirst() {
        Session host = api.newHost("Hugo Host");
        Session guest = api.newUser("Greta Guest");
        String before = Gatherings.publish(api, host, gathering("Before the follow", List.of(tier("Free", 0, 10))));

        api.post("/api/users/" + host.userId() + "/follow", guest.accessToken(), Map.of("notifyOnPublish", true)).expectStatus(200);
        String after = Gatherings.publish(api, host, gathering("After the follow", List.of(tier("Seat", 1500, 8))));

        List<JsonNode> feed = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> feed(guest), items -> items.size() >= 2);
        List<JsonNode> hosts = feed.stream().filter(item -> item.get("gathering").get("hostId").asString().equals(host.userId())).toList();
        assertThat(hosts).extracting(item -> item.get("gathering").get("gatheringId").asString()).containsExactly(after, before);
        assertThat(hosts.getFirst().get("reason").asString()).isEqualTo("FOLLOWING");
        assertThat(hosts.getFirst().get("gathering").get("lowestPrice").get("amount").asLong()).isEqualTo(1500);
        assertThat(hosts.getFirst().get("gathering").get("available").asInt()).isEqualTo(8);

        JsonNode profile = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/users/" + host.userId(), guest.accessToken()).expectStatus(200).json(),
                json -> json.get("followers").asLong() == 1);
        assertThat(profile.get("isHost").asBoolean()).isTrue();
        assertThat(profile.get("relationship").get("following").asBoolean()).isTrue();
        JsonNode followers = api.get("/api/users/" + host.userId() + "/followers", null).expectStatus(200).json();
        assertThat(followers.get("items").get(0).get("userId").asString()).isEqualTo(guest.userId());
        assertThat(followers.get("items").get(0).get("displayName").asString()).isEqualTo("Greta Guest");
    }

    @Test
    void aRequestWaitsForApprovalAndOnlyThenFillsTheFeed() {
        Session host = api.newHost("Priya Private");
        Session guest = api.newUser("Quentin");
        api.put("/api/me/privacy", host.accessToken(), Map.of("approveFollowers", true, "followersVisible", false, "followingVisible", false))
                .expectStatus(200);
        String gatheringId = Gatherings.publish(api, host, gathering("Invite-only supper", List.of(tier("Free", 0, 6))));

        assertThat(api.post("/api/users/" + host.userId() + "/follow", guest.accessToken(), null).expectStatus(200).json()
                .get("state").asString()).isEqualTo("REQUESTED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/me/follow-requests", host.accessToken())
                .expectStatus(200).json().get("items").size() == 1);
        assertThat(ids(feed(guest))).doesNotContain(gatheringId);
        assertThat(api.get("/api/users/" + host.userId() + "/followers", guest.accessToken()).status()).isEqualTo(403);

        api.post("/api/me/follow-requests/" + guest.userId() + "/approve", host.accessToken(), null).expectStatus(204);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ids(feed(guest)).contains(gatheringId));
        assertThat(api.get("/api/users/" + host.userId() + "/followers", host.accessToken()).expectStatus(200).json()
                .get("items").get(0).get("userId").asString()).isEqualTo(guest.userId());
    }

    @Test
    void aBlockHidesEachFromTheOtherEverywhere() {
        Session host = api.newHost("Blake Host");
        Session guest = api.newUser("Bea");
        Session witness = api.newUser("Will");
        api.post("/api/users/" + host.userId() + "/follow", guest.accessToken(), null).expectStatus(200);
        api.post("/api/users/" + guest.userId() + "/follow", host.accessToken(), null).expectStatus(200);
        api.post("/api/users/" + host.userId() + "/follow", witness.accessToken(), null).expectStatus(200);
        String gatheringId = Gatherings.publish(api, host, gathering("Wine and words", List.of(tier("Free", 0, 20))));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ids(feed(guest)).contains(gatheringId));

        api.post("/api/users/" + host.userId() + "/block", guest.accessToken(), null).expectStatus(204);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !ids(feed(guest)).contains(gatheringId));
        // the host no longer sees the guest, nor the guest the host, in either one's lists
        api.get("/api/users/" + guest.userId(), host.accessToken()).expectStatus(404);
        JsonNode seenByBlocker = api.get("/api/users/" + host.userId(), guest.accessToken()).expectStatus(200).json();
        assertThat(seenByBlocker.get("relationship").get("blocked").asBoolean()).isTrue();
        assertThat(seenByBlocker.get("relationship").get("following").asBoolean()).as("the block ended the follow").isFalse();
        assertThat(userIds(api.get("/api/users/" + host.userId() + "/followers", guest.accessToken()).expectStatus(200).json()))
                .doesNotContain(guest.userId()).contains(witness.userId());
        assertThat(userIds(api.get("/api/users/" + host.userId() + "/following", null).expectStatus(200).json()))
                .as("the host's follow of the guest ended too").doesNotContain(guest.userId());
        assertThat(userIds(api.get("/api/me/blocks", guest.accessToken()).expectStatus(200).json())).containsExactly(host.userId());
        assertThat(ids(feed(witness))).contains(gatheringId);
    }

    private List<JsonNode> feed(Session user) {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/me/feed?limit=100", user.accessToken()).expectStatus(200).json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("gathering").get("gatheringId").asString()).toList();
    }

    private static List<String> userIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("userId").asString()));
        return ids;
    }
}
