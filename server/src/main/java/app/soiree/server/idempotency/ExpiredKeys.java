package app.soiree.server.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the keys older than {@code soiree.idempotency.retention}, so that the table holds a day of requests and not
 * every request ever made. Every process that serves requests runs it: batches skip the rows another process is deleting
 * (or a request is answering), so they neither wait for each other nor delete a row twice.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
class ExpiredKeys {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeys.class);
    /** Rows per statement: each batch is a short transaction, however many keys have expired. */
    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;

    ExpiredKeys(JdbcTemplate jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** @return how many keys were forgotten */
    @Scheduled(fixedDelayString = "${soiree.idempotency.purge-every:PT10M}", initialDelayString = "${soiree.idempotency.purge-every:PT10M}")
    int purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(properties.retention()));
        int forgotten = 0;
        int batch;
        do {
            batch = jdbc.update("""
                    delete from idempotency_keys where (user_id, idempotency_key) in (
                        select user_id, idempotency_key from idempotency_keys where created_at < ? limit ? for update skip locked)""",
                    before, BATCH);
            forgotten += batch;
        } while (batch == BATCH);
        if (forgotten > 0) {
            log.info("Forgot {} Idempotency-Keys older than {}", forgotten, properties.retention());
        }
        return forgotten;
    }
}
