package app.soiree.server.security;

import app.soiree.api.identity.PersonalDataErased;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The users whose personal data was erased, held in memory by every process, so that an access token they were issued
 * before the erasure is refused at once ({@link ErasedUsersRefused}) rather than when it expires, without a query per
 * request. The durable source is the tombstones of {@code personal_keys} (a destroyed key, written in the erasing
 * command's own transaction and shared by every role): read whole at start-up, before the server takes requests.
 *
 * <p>The process that erases learns of it at once, as the erasing transaction commits (a subscribing processor). Every
 * other process (another command replica, the query replicas that serve reads and the socket) learns of it from the
 * tombstones, which it reads again every {@code soiree.security.erased-users-poll}: a tracking processor would not do,
 * since replicas share its segments and only one of them would see the event. Users are only ever added: an erasure is
 * never undone.
 */
@Component
@ProcessingGroup(ErasedUsers.PROCESSING_GROUP)
public class ErasedUsers implements SmartInitializingSingleton {

    static final String PROCESSING_GROUP = "erased-users";
    /**
     * A tombstone's {@code destroyed_at} is its transaction's start, so one committed after a later-started one may carry
     * an earlier time: each poll looks back this far before the newest tombstone it has seen.
     */
    static final Duration LOOK_BACK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final Set<UUID> erased = ConcurrentHashMap.newKeySet();
    /** Tombstones destroyed from this moment on are read by the next poll; the database's time, never this process's. */
    private volatile Instant readFrom = Instant.EPOCH;

    ErasedUsers(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** An in-memory look-up: called on every authenticated request. */
    public boolean contains(UUID userId) {
        return erased.contains(userId);
    }

    /** Every erasure so far, before the web server and the socket open. */
    @Override
    public void afterSingletonsInstantiated() {
        readTombstones();
    }

    @EventHandler
    void on(PersonalDataErased event) {
        UUID userId = event.userId().value();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            learn(userId);
            return;
        }
        // Not before the erasure commits: one that rolls back must not lock the user out of their tokens.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                learn(userId);
            }
        });
    }

    /**
     * Told to this process's listeners once per user ({@link UserErased}): what outlives a token's verification, such as
     * an open socket, is closed by them.
     */
    private void learn(UUID userId) {
        if (erased.add(userId)) {
            publisher.publishEvent(new UserErased(userId));
        }
    }

    /** A user this process has just learnt was erased (at start-up, every erasure so far). */
    public record UserErased(UUID userId) {
    }

    /** Erasures other processes made since the last poll. */
    @Scheduled(fixedDelayString = "${soiree.security.erased-users-poll:PT5S}", initialDelayString = "${soiree.security.erased-users-poll:PT5S}")
    void readTombstones() {
        jdbc.query("select owner_id, destroyed_at from personal_keys where destroyed_at >= ?", row -> {
            learn(row.getObject("owner_id", UUID.class));
            Instant lookBackFrom = row.getTimestamp("destroyed_at").toInstant().minus(LOOK_BACK);
            if (lookBackFrom.isAfter(readFrom)) {
                readFrom = lookBackFrom;
            }
        }, Timestamp.from(readFrom));
    }
}
