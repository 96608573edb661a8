package app.soiree.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.SoireeApplication;
import app.soiree.server.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * directory: accounts are still there, and a deadline scheduled before the stop fires after it.
 */
class RestartTest {

    @Test
    void dataAndPendingDeadlinesSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "restart-");
        String email = "durable." + UUID.randomUUID() + "@soiree.test";
        String probeId = UUID.randomUUID().toString();

        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = new Api(port(first));
            api.post("/api/auth/register", null, Map.of("email", email, "password", "survives restarts", "displayName", "Durable"))
                    .expectStatus(201);
            first.getBean(CommandGateway.class).sendAndWait(new DeadlineProbe.ScheduleProbe(probeId, Duration.ofSeconds(4)));
            assertThat(fired(first, probeId)).isZero();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = new Api(port(second));
            api.post("/api/auth/login", null, Map.of("email", email, "password", "survives restarts")).expectStatus(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fired(second, probeId)).isEqualTo(1));
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

    private static long fired(ConfigurableApplicationContext context, String probeId) {
        Long count = context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%ProbeFired'",
                Long.class, probeId);
        return count == null ? 0 : count;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(SoireeApplication.class)
                .profiles("test")
                .run("--soiree.data-dir=" + dataDir, "--server.port=0", "--soiree.roles=command,query");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
