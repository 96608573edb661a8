package app.soiree.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven Central binaries under {@code soiree.data-dir} when no external
 * database is configured. The cluster is created once and reused on every later start; the server is
 * stopped with a clean fast shutdown when the application context closes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${soiree.data-dir:./data}") Path dataDir,
                                      EmbeddedPostgresProperties properties) throws IOException {
        Path clusterDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(clusterDir);
        stopOrphanedServer(clusterDir);
        String durability = properties.durable() ? "on" : "off";
        Instant started = Instant.now();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                // zonky passes -F (fsync off) on the command line; these -c settings come after it and win.
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability)
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setPGStartupWait(properties.startupWait())
                .start();
        log.info("Embedded PostgreSQL is up on port {} with data in {} (fsync and synchronous_commit {}) after {} ms",
                postgres.getPort(), clusterDir, durability, Duration.between(started, Instant.now()).toMillis());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("soiree-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(properties.poolSize());
        return new HikariDataSource(config);
    }

    /**
     * zonky starts PostgreSQL detached. If a previous JVM was killed hard, its PostgreSQL may still run
     * on this cluster and would refuse a second server; stop it cleanly before starting our own.
     */
    private static void stopOrphanedServer(Path clusterDir) throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst()).flatMap(ProcessHandle::of);
        Optional<ProcessHandle> postgres = orphan.filter(process -> process.isAlive()
                && process.info().command().map(command -> command.contains("postgres")).orElse(false));
        if (postgres.isEmpty()) {
            return;
        }
        log.warn("Stopping an orphaned PostgreSQL (pid {}) left running on {} by an earlier process", postgres.get().pid(), clusterDir);
        postgres.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, with a checkpoint
        try {
            postgres.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The orphaned PostgreSQL on " + clusterDir + " did not stop; stop it by hand", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
