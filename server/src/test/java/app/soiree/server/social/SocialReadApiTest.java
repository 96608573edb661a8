package app.soiree.server.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.api.social.FollowEndReason;
import app.soiree.api.social.FollowEnded;
import app.soiree.api.social.PrivacyChanged;
import app.soiree.api.social.PrivacyCommand;
import app.soiree.api.social.PrivacySettings;
import app.soiree.api.social.RelationshipId;
import app.soiree.api.social.UserBlocked;
import app.soiree.api.social.UserFollowed;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The social read model through the API. The relationship and privacy aggregates are another branch's, so their events
 * are published straight onto the event bus as those aggregates will publish them, and read back over HTTP as a client
 * reads them; gatherings are created and published through the API.
 */
@IntegrationTest
class SocialReadApiTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    EventBus eventBus;
    @Autowired
    TransactionManager transactionManager;

    Api api;
    Session host;
    Session ben;
    Session cleo;
    final Map<String, Long> sequences = new HashMap<>();

    @BeforeEach
    void signIn() {
        api = new Api(port);
        host = api.newHost("Hana");
        ben = api.newUser("Ben");
        cleo = api.newUser("Cleo");
    }

    @Test
    void aProfileIsPublicAndTellsASignedInCallerHowTheyStand() {
        follow(ben, host);

        JsonNode anonymous = awaitProfile(host, null, profile -> profile.get("followers").asLong() == 1);
        assertThat(anonymous.get("displayName").asString()).isEqualTo("Hana");
        assertThat(anonymous.get("isHost").asBoolean()).isTrue();
        assertThat(anonymous.get("bio").asString()).isEqualTo("Hosting since today");
        assertThat(anonymous.get("following").asLong()).isZero();
        assertThat(anonymous.get("relationship").isNull()).isTrue();

        JsonNode relationship = api.get("/api/users/" + host.userId(), ben.accessToken()).expectStatus(200).json().get("relationship");
        assertThat(relationship.get("following").asBoolean()).isTrue();
        assertThat(relationship.get("followedBy").asBoolean()).isFalse();
        assertThat(relationship.get("blocked").asBoolean()).isFalse();
        assertThat(api.get("/api/users/" + host.userId() + "/followers", null).expectStatus(200).json().get("items").get(0)
                .get("displayName").asString()).isEqualTo("Ben");
        assertThat(api.get("/api/users/" + java.util.UUID.randomUUID(), null).expectStatus(404).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aBlockerIsNotFoundByTheBlockedAndPrivacyHidesAList() {
        follow(cleo, host);
        follow(host, cleo);
        publish("Relationship", relationship(host, cleo), new FollowEnded(relationship(host, cleo), userId(cleo), userId(host),
                FollowEndReason.BLOCKED, Instant.now()));
        publish("Relationship", relationship(host, cleo), new FollowEnded(relationship(host, cleo), userId(host), userId(cleo),
                FollowEndReason.BLOCKED, Instant.now()));
        publish("Relationship", relationship(host, cleo), new UserBlocked(relationship(host, cleo), userId(host), userId(cleo), Instant.now()));
        publish("Privacy", PrivacyCommand.privacyIdOf(userId(ben)),
                new PrivacyChanged(userId(ben), new PrivacySettings(true, false, true), Instant.now()));

        await().atMost(PROJECTED).until(() -> api.get("/api/users/" + host.userId(), cleo.accessToken()).status() == 404);
        assertThat(api.get("/api/users/" + host.userId() + "/followers", cleo.accessToken()).expectStatus(404).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/users/" + cleo.userId(), host.accessToken()).expectStatus(200).json().get("relationship")
                .get("blocked").asBoolean()).isTrue();
        assertThat(api.get("/api/me/blocks", host.accessToken()).expectStatus(200).json().get("items").get(0).get("userId").asString())
                .isEqualTo(cleo.userId());

        await().atMost(PROJECTED).until(() -> api.get("/api/me/privacy", ben.accessToken()).json().get("approveFollowers").asBoolean());
        Response hidden = api.get("/api/users/" + ben.userId() + "/followers", cleo.accessToken()).expectStatus(403);
        assertThat(hidden.code()).isEqualTo("FORBIDDEN");
        assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");
        api.get("/api/users/" + ben.userId() + "/followers", ben.accessToken()).expectStatus(200);
        assertThat(api.get("/api/users/" + ben.userId(), null).expectStatus(200).json().get("followers").isNull()).isTrue();
    }

    @Test
    void theFeedShowsTheFollowedHostsUpcomingGatheringsAndNeedsASignedInUser() {
        follow(ben, host);
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Supper club", List.of(Gatherings.tier("Standard", 2500, 12))));

        JsonNode item = await().atMost(PROJECTED).until(() -> api.get("/api/me/feed", ben.accessToken()).expectStatus(200).json().get("items"),
                items -> !items.isEmpty()).get(0);
        assertThat(item.get("reason").asString()).isEqualTo("FOLLOWING");
        assertThat(item.get("promoted").asBoolean()).isFalse();
        assertThat(item.get("gathering").get("gatheringId").asString()).isEqualTo(gatheringId);
        assertThat(item.get("gathering").get("lowestPrice").get("amount").asLong()).isEqualTo(2500);
        assertThat(item.get("gathering").get("available").asInt()).isEqualTo(12);
        assertThat(api.get("/api/me/feed", cleo.accessToken()).expectStatus(200).json().get("items")).isEmpty();
        api.get("/api/me/feed", null).expectStatus(401);
        api.get("/api/me/feed?limit=101", ben.accessToken()).expectStatus(400);
    }

    @Test
    void theOpenApiDocumentListsTheSocialReadsWithoutTheCallerAsAParameter() {
        JsonNode paths = api.get("/v3/api-docs", null).expectStatus(200).json().get("paths");

        assertThat(paths.has("/api/users/{userId}")).isTrue();
        assertThat(paths.has("/api/me/feed")).isTrue();
        assertThat(paths.get("/api/users/{userId}").get("get").get("parameters")).extracting(parameter -> parameter.get("name").asString())
                .containsExactly("userId");
    }

    private JsonNode awaitProfile(Session user, @Nullable String token, Predicate<JsonNode> until) {
        return await().atMost(PROJECTED).until(() -> api.get("/api/users/" + user.userId(), token), response -> response.status() == 200
                && until.test(response.json())).json();
    }

    private void follow(Session follower, Session followee) {
        RelationshipId id = relationship(follower, followee);
        publish("Relationship", id.toString(), new UserFollowed(id, userId(follower), userId(followee), true, false, Instant.now()));
    }

    private void publish(String type, RelationshipId id, Object event) {
        publish(type, id.toString(), event);
    }

    private void publish(String type, String aggregateId, Object event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        transactionManager.executeInTransaction(() -> eventBus.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, event)));
    }

    private static RelationshipId relationship(Session one, Session other) {
        return RelationshipId.between(userId(one), userId(other));
    }

    private static UserId userId(Session session) {
        return UserId.of(session.userId());
    }
}
