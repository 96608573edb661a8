package app.soiree.server.persistence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL that the server starts itself when no {@code spring.datasource.url} is
 * given. {@code durable} keeps {@code fsync} and {@code synchronous_commit} on: a committed booking
 * or payment must survive a power cut. Only tests switch it off, for speed.
 */
@ConfigurationProperties("soiree.embedded-postgres")
public record EmbeddedPostgresProperties(
        Boolean durable,
        Integer port,
        Integer poolSize,
        Duration startupWait,
        Boolean statementStatistics) {

    public EmbeddedPostgresProperties {
        durable = durable == null || durable;
        port = port == null ? 0 : port;
        poolSize = poolSize == null ? 20 : poolSize;
        startupWait = startupWait == null ? Duration.ofMinutes(2) : startupWait;
        statementStatistics = statementStatistics != null && statementStatistics;
    }
}
