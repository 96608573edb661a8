package app.soiree.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
        EmbeddedPostgres postgres = start(clusterDir, properties, properties.port());
        log.info("Embedded PostgreSQL is up on port {} with data in {} (fsync and synchronous_commit {}) after {} ms",
                postgres.getPort(), clusterDir, durability, Duration.between(started, Instant.now()).toMillis());
        return postgres;
    }

    /**
     * Starts (or, on the same cluster directory and port, starts again) the embedded server. The port
     * is part of the pool's JDBC URL, so a server started again on it is found by the same pool.
     */
    static EmbeddedPostgres start(Path clusterDir, EmbeddedPostgresProperties properties, int port) throws IOException {
        String durability = properties.durable() ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (properties.statementStatistics()) {
            // For measuring (the benchmarks' statements-rush.txt): every statement's time and calls, at a small cost each.
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        return builder
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // zonky passes -F (fsync off) on the command line; these -c settings come after it and win.
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability)
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setPGStartupWait(properties.startupWait())
                // Not zonky's own JVM shutdown hook: it stopped PostgreSQL at once on SIGTERM, beside Spring's, while the
                // tracking processors and the pool still used it, and the stop waited out Axon's shutdown timeout (12 s in
                // all). The bean's close stops it, after everything that uses the pool (the context closes it last).
                .setRegisterShutdownHook(false)
                .start();
    }

    /**
     * The pool takes {@code spring.datasource.hikari.*} as it would for an external database, so the
     * short connection and validation timeouts that make an unreachable database fail fast (503, and
     * readiness DOWN) apply in both modes. It is configured before its first connection: a started
     * Hikari pool refuses changes.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("soiree-embedded");
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(properties.poolSize());
        return dataSource;
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
