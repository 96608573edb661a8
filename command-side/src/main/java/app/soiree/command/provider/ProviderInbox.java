package app.soiree.command.provider;

import app.soiree.api.identity.Actor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Provider events, stored once and applied once. {@link #receive} stores an event under its
 * provider's id and commits before the provider gets its 2xx, so an acknowledged event is never lost;
 * a copy of a stored event is recognised and dropped. Each stored event is then applied off the
 * request thread (the provider wants its answer quickly, and applying may ask the provider for
 * details), as a command sent under a short lease so that two nodes do not work on it at once.
 * Commands are idempotent, so an event applied again after a crash between command and bookkeeping
 * changes nothing. That is also why the lease and the bookkeeping commit without waiting for their flush to disk
 * ({@code synchronous_commit} off for that transaction alone; other sessions see them at once): one lost in a crash
 * only has the event applied once more. Of a capture's four commits, the two that must survive a crash wait for
 * the disk: the stored event (before the provider's 2xx) and the command's. Events whose processing failed, or that no thread took, are retried by
 * {@link #processPending}, a bounded number of times, then parked loudly.
 */
@Component
public class ProviderInbox {

    private static final Logger log = LoggerFactory.getLogger(ProviderInbox.class);
    private static final Duration LEASE = Duration.ofMinutes(1);
    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH_SIZE = 50;

    private final JdbcTemplate jdbc;
    private final ProviderName provider;
    private final List<ProviderEventTranslator> translators;
    private final CommandGateway commands;
    private final Clock clock;
    private final TaskExecutor executor;

    ProviderInbox(JdbcTemplate jdbc, ProviderName provider, List<ProviderEventTranslator> translators, CommandGateway commands,
                  Clock clock, @Qualifier(ProviderSelection.EVENT_EXECUTOR) TaskExecutor executor) {
        this.jdbc = jdbc;
        this.provider = provider;
        this.translators = translators.stream().filter(translator -> translator.provider() == provider).toList();
        this.commands = commands;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Stores a verified event of the active provider and has it applied. Returns false for a copy of an
     * event already stored. Only storing can fail this call; applying is retried later if it fails.
     */
    public boolean receive(String eventId, String type, String payload) {
        int stored = jdbc.update("""
                insert into provider_events (provider, event_id, event_type, payload, received_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                provider.code(), eventId, type, payload, Timestamp.from(clock.instant()));
        if (stored == 0) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    process(eventId);
                } catch (RuntimeException e) {
                    log.warn("Provider event {} is stored but could not be applied yet; it will be retried", eventId, e);
                }
            });
        } catch (TaskRejectedException busy) {
            log.debug("No thread free for provider event {}; the next poll applies it", eventId);
        }
        return true;
    }

    /**
     * {@link #receive}, once the caller's transaction has committed (at once without one): how the simulators report, since
     * a provider's webhook comes after the call that caused it has completed, and applying it at once must find what the
     * call's transaction wrote. A report whose transaction rolls back is never stored.
     */
    public void receiveAfterCommit(String eventId, String type, String payload) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    receive(eventId, type, payload);
                }
            });
        } else {
            receive(eventId, type, payload);
        }
    }

    @Scheduled(fixedDelayString = "${soiree.payments.inbox-poll-interval:PT5S}")
    void retryPending() {
        processPending();
    }

    /**
     * Applies what is stored but not yet applied: events whose first attempt failed, or that a crash interrupted. Each on
     * its own: an event that fails again (counted, and parked after {@link #MAX_ATTEMPTS}) does not hold up those stored
     * after it.
     */
    public int processPending() {
        List<String> pending = jdbc.queryForList("""
                select event_id from provider_events
                where provider = ? and processed_at is null and attempts < ? and (leased_until is null or leased_until < ?)
                order by received_at limit ?""",
                String.class, provider.code(), MAX_ATTEMPTS, Timestamp.from(clock.instant()), BATCH_SIZE);
        for (String eventId : pending) {
            try {
                process(eventId);
            } catch (RuntimeException e) {
                log.warn("Provider event {} failed again; the next poll retries it unless it is parked now", eventId, e);
            }
        }
        return pending.size();
    }

    void process(String eventId) {
        StoredEvent stored = lease(eventId);
        if (stored == null) {
            return; // applied already, or someone else holds it right now
        }
        String outcome;
        try {
            outcome = apply(translate(eventId, stored));
        } catch (RuntimeException e) {
            Integer attempts = jdbc.queryForObject("""
                    update provider_events set leased_until = null, outcome = ?
                    where provider = ? and event_id = ? returning attempts""",
                    Integer.class, truncate("failed: " + e), provider.code(), eventId);
            if (attempts != null && attempts >= MAX_ATTEMPTS) {
                log.error("Provider event {} failed {} times and is parked until someone looks at it", eventId, attempts, e);
            }
            throw e;
        }
        jdbc.update("""
                with relaxed as (select set_config('synchronous_commit', 'off', true))
                update provider_events set processed_at = ?, leased_until = null, outcome = ? from relaxed
                where provider = ? and event_id = ?""",
                Timestamp.from(clock.instant()), truncate(outcome), provider.code(), eventId);
    }

    private @Nullable StoredEvent lease(String eventId) {
        Instant now = clock.instant();
        List<StoredEvent> leased = jdbc.query("""
                with relaxed as (select set_config('synchronous_commit', 'off', true))
                update provider_events set leased_until = ?, attempts = attempts + 1 from relaxed
                where provider = ? and event_id = ? and processed_at is null and (leased_until is null or leased_until < ?)
                returning event_type, payload""",
                (row, number) -> new StoredEvent(row.getString("event_type"), row.getString("payload")),
                Timestamp.from(now.plus(LEASE)), provider.code(), eventId, Timestamp.from(now));
        return leased.isEmpty() ? null : leased.getFirst();
    }

    private record StoredEvent(String type, String payload) {
    }

    private ProviderEvent translate(String eventId, StoredEvent stored) {
        return translators.stream().filter(translator -> translator.translates(stored.type())).findFirst()
                .map(translator -> translator.translate(eventId, stored.type(), stored.payload()))
                .orElseGet(() -> ProviderEvent.ignored(eventId, stored.type()));
    }

    /**
     * Sends the command an event means and says what became of it, for whoever reads the inbox later. A command about
     * something Soiree does not know fails like any other (NOT_FOUND) and is retried: a provider's event may come before
     * what it is about is recorded (an intent is created before its payment is), and one that never will be is parked
     * after {@link #MAX_ATTEMPTS} for someone to look at.
     */
    private String apply(ProviderEvent event) {
        if (event.command() != null) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(event.command())
                    .andMetaData(Map.of(Actor.USER_ID_KEY, "provider:" + provider.code(), Actor.ROLES_KEY, "")));
        }
        return event.note();
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
