package app.soiree.server.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.SoireeApplication;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.SimulatedProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Three processes of the server on one PostgreSQL, as a distributed deployment runs them (Axon's buses in-process,
 * which is enough to reproduce what goes wrong with deadlines): {@code command,query}, a second {@code command}
 * and a {@code query}-only one. Bookings are made through both command replicas, so each caches the same
 * gatherings at different versions. Every seat hold expires on time, every gathering ends, every host's earnings
 * are released, none of them twice; and a processor split in two segments is shared by the two command replicas.
 * <p>
 * Runs in its own surefire execution (its own JVM): see the server's pom.
 */
@Tag("multi-process")
class DeadlinesMultiProcessTest {

    private static final Duration HOLD = Duration.ofSeconds(10);
    private static final int GATHERINGS = 4;

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext commandAndQuery;
    private static ConfigurableApplicationContext command;
    private static ConfigurableApplicationContext queryOnly;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "multi-");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(root.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300")
                .start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Path dataDir = root.resolve("data"); // shared: one token signing key, one object store
        // One after another: the first migrates the schema and creates the signing key the others read.
        commandAndQuery = start(url, dataDir, "command,query");
        command = start(url, dataDir, "command");
        queryOnly = start(url, dataDir, "query");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {queryOnly, command, commandAndQuery}) {
            if (context != null) {
                context.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyDeadlineRunsOnceOnTimeWhateverReplicaHoldsIt() {
        Api first = new Api(port(commandAndQuery));
        Api second = new Api(port(command));
        Api reader = new Api(port(queryOnly));
        List<Api> writers = List.of(first, second);

        // Gatherings that start once everything is booked, and end two seconds later.
        Instant startsAt = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> holdsExpireBy = new LinkedHashMap<>();
        Map<String, String> holdGathering = new HashMap<>();
        List<String> gatheringIds = new ArrayList<>();
        for (int i = 0; i < GATHERINGS; i++) {
            Api one = writers.get(i % 2);
            Api other = writers.get((i + 1) % 2);
            Session host = one.newHost("Host " + i);
            String gatheringId = Gatherings.publish(one, host, Gatherings.gathering("Supper " + i, startsAt, startsAt.plusSeconds(2),
                    List.of(Gatherings.tier("Seat", 2500, 10))));
            gatheringIds.add(gatheringId);
            String tierId = Gatherings.firstTierId(reader, gatheringId);

            // A paid booking through one replica, an unpaid hold through the other, a second one through the first:
            // each replica's cached gathering falls behind the other's writes.
            Session payer = one.newUser("Payer " + i);
            JsonNode paid = one.postOnce("/api/bookings", payer.accessToken(),
                    Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 2)).expectStatus(201).json();
            for (Api holdingReplica : List.of(other, one)) {
                Session holder = holdingReplica.newUser("Holder " + i);
                String bookingId = holdingReplica.postOnce("/api/bookings", holder.accessToken(),
                        Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1)).expectStatus(201).json()
                        .get("bookingId").asString();
                holdsExpireBy.put(bookingId, Instant.now().plus(HOLD).plusSeconds(15));
                holdGathering.put(bookingId, gatheringId);
            }
            new SimulatedProvider(other).pay(payer, new app.soiree.server.support.Booked(paid.get("bookingId").asString(),
                    paid.get("payment").get("paymentId").asString(), gatheringId, 5000));
        }

        // Every hold expires, once, within seconds of its time (not db-scheduler's five minutes later), and its seat is back.
        for (Map.Entry<String, Instant> hold : holdsExpireBy.entrySet()) {
            String gatheringId = holdGathering.get(hold.getKey());
            await().atMost(Duration.between(Instant.now(), hold.getValue()).plusSeconds(1)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(eventsMentioning("HoldExpired", gatheringId, hold.getKey())).isEqualTo(1));
        }
        for (String gatheringId : gatheringIds) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reader.get("/api/gatherings/" + gatheringId, null)
                    .expectStatus(200).json().get("tiers").get(0).get("available").asInt()).isEqualTo(8));
        }

        // Every gathering ends, and its host's earnings are released (soiree.wallet.release-after later), each once.
        Instant releasedBy = startsAt.plusSeconds(2).plus(Duration.ofSeconds(2)).plusSeconds(30);
        for (String gatheringId : gatheringIds) {
            await().atMost(Duration.between(Instant.now(), releasedBy).plusSeconds(1)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(eventsOf("GatheringEnded", gatheringId)).as("GatheringEnded of " + gatheringId).isEqualTo(1);
                        assertThat(eventsMentioning("EarningsReleased", null, gatheringId)).as("EarningsReleased of " + gatheringId)
                                .isEqualTo(1);
                    });
        }
        // Nothing was late to come twice: the same counts a few seconds later, and no deadline is left failing.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String gatheringId : gatheringIds) {
                assertThat(eventsOf("GatheringEnded", gatheringId)).isEqualTo(1);
                assertThat(eventsMentioning("EarningsReleased", null, gatheringId)).isEqualTo(1);
                assertThat(eventsOf("HoldExpired", gatheringId)).isEqualTo(2);
            }
            assertThat(jdbc().queryForObject("select count(*) from scheduled_tasks where consecutive_failures > 0", Long.class))
                    .isZero();
        });
    }

    @Test
    void theQueryOnlyProcessRunsNoDeadlines() {
        assertThat(queryOnly.getEnvironment().getProperty("db-scheduler.enabled", Boolean.class)).isFalse();
        assertThat(queryOnly.getBeanNamesForType(com.github.kagkarlsson.scheduler.Scheduler.class)).isEmpty();
        assertThat(command.getBeanNamesForType(com.github.kagkarlsson.scheduler.Scheduler.class)).isNotEmpty();
    }

    @Test
    void twoReplicasShareASplitProcessorsSegments() {
        // notification-delivery (command side) runs in both command replicas; chat (query side) in both query replicas.
        for (String processor : List.of("notification-delivery", "chat")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(jdbc().queryForObject("select count(*) from token_entry where processor_name = ?", Long.class, processor))
                        .isEqualTo(2);
                assertThat(jdbc().queryForObject("select count(distinct owner) from token_entry where processor_name = ? and owner is not null",
                        Long.class, processor)).as("processes holding " + processor + "'s segments").isEqualTo(2);
            });
        }
    }

    private static long eventsOf(String type, String aggregateId) {
        Long count = jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, aggregateId, "%." + type);
        return count == null ? 0 : count;
    }

    /** Events of the type (of the aggregate, when given) whose payload mentions {@code text}. */
    private static long eventsMentioning(String type, String aggregateId, String text) {
        Long count = jdbc().queryForObject("""
                select count(*) from domain_event_entry where payload_type like ? and (cast(? as varchar) is null or aggregate_identifier = ?)
                  and position(cast(? as varchar) in convert_from(payload, 'UTF8')) > 0""",
                Long.class, "%." + type, aggregateId, aggregateId, text);
        return count == null ? 0 : count;
    }

    private static JdbcTemplate jdbc() {
        return commandAndQuery.getBean(JdbcTemplate.class);
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir, String roles) {
        return new SpringApplicationBuilder(SoireeApplication.class)
                .profiles("test")
                .run("--soiree.roles=" + roles, "--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=15",
                        "--soiree.data-dir=" + dataDir,
                        "--soiree.booking.hold-duration=" + HOLD,
                        "--soiree.payments.inbox-poll-interval=PT1S",
                        "--soiree.processors.balance-interval=PT2S",
                        "--soiree.notifications.reminder-lead-times=PT1H");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
