package app.soiree.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.SoireeApplication;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL goes away under a running server and comes back: readiness goes DOWN within seconds,
 * API calls fail fast with 503 DATABASE_UNAVAILABLE (not a 500 after 30 s), and once the database is
 * back, readiness is UP and calls work again without anyone touching the server. Its own application
 * context, because it stops the database.
 */
class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIsReportedAtOnceAndForgottenWhenItIsBack() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "outage-");
        EmbeddedPostgres restarted = null;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SoireeApplication.class)
                .profiles("test")
                .run("--soiree.data-dir=" + dataDir, "--server.port=0", "--soiree.roles=command,query")) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            register(api).expectStatus(201);

            EmbeddedPostgres postgres = context.getBean(EmbeddedPostgres.class);
            int port = postgres.getPort();
            postgres.close();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get("/actuator/health/readiness", null).status() == 503);
            for (String call : new String[] {"register", "search"}) {
                Instant started = Instant.now();
                Response response = call.equals("register") ? register(api) : api.get("/api/gatherings", null);
                Duration took = Duration.between(started, Instant.now());
                assertThat(response.status()).as(call + ": " + response.body()).isEqualTo(503);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.code()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(took).as(call).isLessThan(Duration.ofSeconds(10));
            }

            restarted = EmbeddedPostgresConfiguration.start(dataDir.resolve("postgres").toAbsolutePath().normalize(),
                    context.getBean(EmbeddedPostgresProperties.class), port);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/actuator/health/readiness", null).status() == 200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> register(api).status() == 201);
            api.get("/api/gatherings", null).expectStatus(200);
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private static Response register(Api api) {
        return api.post("/api/auth/register", null, Map.of("email", "outage." + UUID.randomUUID() + "@soiree.test",
                "password", "a long password", "displayName", "Outage"));
    }
}
