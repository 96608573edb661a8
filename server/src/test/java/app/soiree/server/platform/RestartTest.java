package app.soiree.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.SoireeApplication;
import app.soiree.server.support.Api;
import app.soiree.server.support.Gatherings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stops the whole server, embedded PostgreSQL included, and starts it again on the same data
 * directory: accounts are still there, and deadlines scheduled before the stop (a probe's, a
 * seat hold's expiry, a chat reminder, a gathering's reminder to its guests) fire after it.
 */
class RestartTest {

    @Test
    void dataAndPendingDeadlinesSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "restart-");
        String email = "durable." + UUID.randomUUID() + "@soiree.test";
        String probeId = UUID.randomUUID().toString();

        String gatheringId;
        String conversationId;
        String readerToken;
        String guestToken;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = new Api(port(first));
            // A gathering whose one-hour reminder falls due after the stop: its guest must be reminded all the same.
            Instant reminderAt = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
            Instant startsAt = reminderAt.plus(Duration.ofHours(1));
            Api.Session organiser = api.newHost("Reminding Host");
            String soon = Gatherings.publish(api, organiser, Gatherings.gathering("Starts soon", startsAt, startsAt.plus(Duration.ofHours(2)),
                    List.of(Gatherings.tier("Free", 0, 5))));
            Api.Session guest = api.newUser("Reminded Guest");
            api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", soon, "tierId", Gatherings.firstTierId(api, soon),
                    "quantity", 1)).expectStatus(201);
            guestToken = guest.accessToken();
            await().atMost(Duration.ofSeconds(15)).until(() -> first.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from scheduled_tasks where execution_time = ?", Long.class, Timestamp.from(reminderAt)) == 1);
            api.post("/api/auth/register", null, Map.of("email", email, "password", "survives restarts", "displayName", "Durable"))
                    .expectStatus(201);
            first.getBean(CommandGateway.class).sendAndWait(new DeadlineProbe.ScheduleProbe(probeId, Duration.ofSeconds(4)));
            assertThat(fired(first, probeId)).isZero();

            // A paid seat held for a few seconds: the hold must expire even though the server stops first.
            Api.Session host = api.newHost("Durable Host");
            gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Durable", List.of(Gatherings.tier("Seat", 1000, 1))));
            String tierId = await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/api/gatherings/" + gatheringId, null), r -> r.status() == 200)
                    .json().get("tiers").get(0).get("tierId").asString();
            api.postOnce("/api/bookings", api.newUser("Holder").accessToken(),
                    Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1)).expectStatus(201);
            assertThat(holdsExpired(first, gatheringId)).isZero();

            // A chat reminder due in a few seconds: its SYSTEM message must be posted after the restart.
            Api.Session friend = api.newUser("Friend");
            conversationId = api.post("/api/conversations", host.accessToken(), Map.of("title", "Durable chat", "memberIds",
                    List.of(friend.userId()))).expectStatus(201).json().get("conversationId").asString();
            api.postOnce("/api/conversations/" + conversationId + "/messages", host.accessToken(), Map.of("type", "REMINDER",
                    "reminder", Map.of("at", Instant.now().plusSeconds(4).toString(), "text", "Bring wine"))).expectStatus(201);
            readerToken = friend.accessToken();
            assertThat(remindersFired(first, conversationId)).isZero();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = new Api(port(second));
            api.post("/api/auth/login", null, Map.of("email", email, "password", "survives restarts")).expectStatus(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(fired(second, probeId)).isEqualTo(1);
                assertThat(holdsExpired(second, gatheringId)).isEqualTo(1);
                assertThat(api.get("/api/gatherings/" + gatheringId, null).json().get("tiers").get(0).get("available").asInt()).isEqualTo(1);
                assertThat(remindersFired(second, conversationId)).isEqualTo(1);
                assertThat(api.get("/api/conversations/" + conversationId + "/messages", readerToken).expectStatus(200).json()
                        .get("items").get(0).get("type").asString()).isEqualTo("SYSTEM");
            });
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.get("/api/me/notifications", guestToken)
                    .expectStatus(200).json().get("items").get(0).get("title").asString()).isEqualTo("Starts soon starts in an hour"));
        }
    }

    @Test
    void theServerRunsPostgresDurablyByDefault() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "durable-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SoireeApplication.class)
                .run("--soiree.data-dir=" + dataDir, "--server.port=0", "--soiree.roles=query")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        }
    }

    private static long remindersFired(ConfigurableApplicationContext context, String conversationId) {
        Long count = context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%.ReminderFired'",
                Long.class, conversationId);
        return count == null ? 0 : count;
    }

    private static long holdsExpired(ConfigurableApplicationContext context, String gatheringId) {
        Long count = context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%.HoldExpired'",
                Long.class, gatheringId);
        return count == null ? 0 : count;
    }

    private static long fired(ConfigurableApplicationContext context, String probeId) {
        Long count = context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%ProbeFired'",
                Long.class, probeId);
        return count == null ? 0 : count;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(SoireeApplication.class)
                .profiles("test")
                .run("--soiree.data-dir=" + dataDir, "--server.port=0", "--soiree.roles=command,query",
                        "--soiree.booking.hold-duration=PT5S", "--soiree.notifications.reminder-lead-times=PT1H");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
