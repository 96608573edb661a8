package app.soiree.server.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Support features gatherings over HTTP: the rows the feed joins appear, change and go; only upcoming published gatherings qualify. */
@IntegrationTest
class FeaturingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Session support;
    private Session host;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        support = Staff.of(api, port).support();
        host = api.newHost("Featured Host");
    }

    @Test
    void supportFeaturesAGatheringReplacesTheWindowAndRemovesIt() {
        String gatheringId = upcoming();
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(Duration.ofDays(2));

        Response created = feature(gatheringId, from, until).expectStatus(201);
        assertThat(created.json().get("gatheringId").asString()).isEqualTo(gatheringId);
        await().atMost(Duration.ofSeconds(20)).until(() -> window(gatheringId), window -> window.equals(List.of(from, until)));
        assertThat(jdbc.queryForObject("select featured_by from featured_gatherings where gathering_id = ?::uuid", UUID.class, gatheringId))
                .isEqualTo(UUID.fromString(support.userId()));
        assertThat(jdbc.queryForObject("select count(*) from featured_gatherings where gathering_id = ?::uuid "
                + "and featured_from <= now() and featured_until > now()", Long.class, gatheringId)).as("featured now").isEqualTo(1);

        Instant later = from.plus(Duration.ofDays(3));
        feature(gatheringId, later, later.plus(Duration.ofDays(1))).expectStatus(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> window(gatheringId), window -> window.equals(List.of(later, later.plus(Duration.ofDays(1)))));

        api.delete("/api/staff/featured/" + gatheringId, support.accessToken()).expectStatus(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> window(gatheringId).isEmpty());
        api.delete("/api/staff/featured/" + gatheringId, support.accessToken()).expectStatus(204);
    }

    @Test
    void aFeaturedGatheringReachesEveryFeedMarkedAsSuchUntilTheFeatureIsRemoved() {
        String gatheringId = upcoming();
        Session reader = api.newUser("Reader Without Follows");
        assertThat(feedReasons(reader, gatheringId)).isEmpty();

        Instant from = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        feature(gatheringId, from, from.plus(Duration.ofDays(1))).expectStatus(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> feedReasons(reader, gatheringId), reasons -> reasons.equals(List.of("FEATURED")));
        api.delete("/api/staff/featured/" + gatheringId, support.accessToken()).expectStatus(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> feedReasons(reader, gatheringId).isEmpty());
    }

    /** Why the gathering is in the reader's feed, once per time it appears there. */
    private List<String> feedReasons(Session reader, String gatheringId) {
        List<String> reasons = new ArrayList<>();
        api.get("/api/me/feed?limit=100", reader.accessToken()).expectStatus(200).json().get("items").forEach(item -> {
            if (item.get("gathering").get("gatheringId").asString().equals(gatheringId)) {
                reasons.add(item.get("reason").asString());
            }
        });
        return reasons;
    }

    @Test
    void onlySupportFeatures() {
        String gatheringId = upcoming();
        Instant from = Instant.now();

        Response byHost = api.post("/api/staff/featured", host.accessToken(), body(gatheringId, from, from.plus(Duration.ofDays(1))));
        Response removedByHost = api.delete("/api/staff/featured/" + gatheringId, host.accessToken());

        assertThat(byHost.status()).isEqualTo(403);
        assertThat(removedByHost.status()).isEqualTo(403);
    }

    @Test
    void aDraftAnEndedAnUnknownGatheringAndABadWindowAreRefused() {
        String draftId = api.post("/api/gatherings", host.accessToken(),
                Gatherings.gathering("Not yet", List.of(Gatherings.tier("Seat", 2500, 4)))).expectStatus(201).json().get("gatheringId").asString();
        awaitKnown(draftId, "DRAFT");
        Instant soon = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String endedId = Gatherings.publish(api, host, Gatherings.gathering("Over quickly", soon, soon.plusSeconds(1),
                List.of(Gatherings.tier("Seat", 2500, 4))));
        awaitKnown(endedId, "ENDED"); // its end is a durable deadline, a second after it starts
        Instant from = Instant.now();

        Response draft = feature(draftId, from, from.plus(Duration.ofDays(1)));
        Response ended = feature(endedId, from, from.plus(Duration.ofDays(1)));
        Response unknown = feature(UUID.randomUUID().toString(), from, from.plus(Duration.ofDays(1)));

        assertThat(draft.status()).isEqualTo(422);
        assertThat(draft.code()).isEqualTo("NOT_PROMOTABLE");
        assertThat(ended.status()).isEqualTo(422);
        assertThat(ended.code()).isEqualTo("NOT_PROMOTABLE");
        assertThat(unknown.status()).isEqualTo(404);

        String upcomingId = upcoming(); // starts in seven days
        Response reversed = feature(upcomingId, from.plus(Duration.ofDays(1)), from);
        Response pastTheStart = feature(upcomingId, from, from.plus(Duration.ofDays(8)));
        for (Response invalid : List.of(reversed, pastTheStart)) {
            assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
            assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(invalid.body()).contains("\"until\"");
        }
        assertThat(jdbc.queryForObject("select count(*) from featured_gatherings where gathering_id in (?::uuid, ?::uuid, ?::uuid)",
                Long.class, draftId, endedId, upcomingId)).isZero();
        assertThat(api.delete("/api/staff/featured/" + upcomingId, support.accessToken()).status()).as("never featured").isEqualTo(404);
    }

    private String upcoming() {
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Supper to feature", List.of(Gatherings.tier("Seat", 2500, 10))));
        awaitKnown(gatheringId, "PUBLISHED");
        return gatheringId;
    }

    private void awaitKnown(String gatheringId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select status from promotion_gatherings where gathering_id = ?::uuid", String.class, gatheringId),
                statuses -> statuses.contains(status));
    }

    private Response feature(String gatheringId, Instant from, Instant until) {
        return api.post("/api/staff/featured", support.accessToken(), body(gatheringId, from, until));
    }

    private static Map<String, Object> body(String gatheringId, Instant from, Instant until) {
        return Map.of("gatheringId", gatheringId, "from", from.toString(), "until", until.toString());
    }

    /** The featured window as the feed reads it: empty when the gathering is not featured. */
    private List<Instant> window(String gatheringId) {
        return jdbc.query("select featured_from, featured_until from featured_gatherings where gathering_id = ?::uuid",
                        (rs, row) -> List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()), gatheringId)
                .stream().findFirst().orElse(List.of());
    }
}
