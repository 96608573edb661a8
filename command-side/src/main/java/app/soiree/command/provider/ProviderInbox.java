package app.soiree.command.provider;

import app.soiree.api.identity.Actor;
import app.soiree.command.HoldsBeingAnswered;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.support.DataAccessUtils;
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
 * details), in one transaction: the stored event's row locked (a thread or node that finds it locked
 * leaves it to the one applying it), the command it means, and the mark that it was applied. So a
 * capture is two commits, the stored event's (before the provider's 2xx) and this one, each waiting
 * for the disk; and an event is either applied and marked, or neither (a crash in between rolls both
 * back, and releases the lock with the connection). That holds where the command is handled in this
 * process (the embedded mode); through Axon Server's command bus the command commits on its own,
 * wherever it is handled, and an event whose mark then fails is applied again, which changes nothing:
 * the commands are idempotent. Events whose processing failed, or that no thread took, are retried by
 * {@link #processPending}, a bounded number of times, then parked loudly. A failure is counted in a
 * transaction of its own; a crash while applying is not counted (the count rolls back with the rest).
 */
@Component
public class ProviderInbox {

    private static final Logger log = LoggerFactory.getLogger(ProviderInbox.class);
    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH_SIZE = 50;

    private final JdbcTemplate jdbc;
    private final ProviderName provider;
    private final List<ProviderEventTranslator> translators;
    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final Clock clock;
    private final TaskExecutor executor;
    private final HoldsBeingAnswered holds;
    private final Duration settlementMaxLag;

    ProviderInbox(JdbcTemplate jdbc, ProviderName provider, List<ProviderEventTranslator> translators, CommandGateway commands,
                  TransactionManager transactions, Clock clock, @Qualifier(ProviderSelection.EVENT_EXECUTOR) TaskExecutor executor,
                  HoldsBeingAnswered holds, @Value("${soiree.events.settlement-max-lag:1s}") Duration settlementMaxLag) {
        this.jdbc = jdbc;
        this.provider = provider;
        this.translators = translators.stream().filter(translator -> translator.provider() == provider).toList();
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
        this.executor = executor;
        this.holds = holds;
        this.settlementMaxLag = settlementMaxLag;
    }

    /**
     * Stores a verified event of the active provider and has it applied. Returns false for a copy of an
     * event already stored. Only storing can fail this call; applying is retried later if it fails. Called in a
     * transaction, the event is stored with whatever else the transaction writes (a simulator's record of what it did) and
     * applied once it has committed; a transaction that rolls back leaves nothing to apply.
     */
    public boolean receive(String eventId, String type, String payload) {
        if (!store(eventId, type, payload)) {
            return false;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    applySoon(eventId);
                }
            });
        } else {
            applySoon(eventId);
        }
        return true;
    }

    private boolean store(String eventId, String type, String payload) {
        return jdbc.update("""
                insert into provider_events (provider, event_id, event_type, payload, received_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                provider.code(), eventId, type, payload, Timestamp.from(clock.instant())) > 0;
    }

    /**
     * Applied on a thread of its own, once no hold is being answered or {@code soiree.events.settlement-max-lag} after it
     * was stored, whichever comes first ({@link HoldsBeingAnswered}: in a rush, the guests still waiting for a hold are
     * answered before the payments of those held a moment ago are captured).
     */
    private void applySoon(String eventId) {
        long settleBy = System.nanoTime() + settlementMaxLag.toNanos();
        try {
            executor.execute(() -> {
                try {
                    holds.awaitNone(Duration.ofNanos(Math.max(0, settleBy - System.nanoTime())));
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return; // stored: the next poll after a restart applies it
                }
                try {
                    process(eventId);
                } catch (RuntimeException e) {
                    log.warn("Provider event {} is stored but could not be applied yet; it will be retried", eventId, e);
                }
            });
        } catch (TaskRejectedException busy) {
            log.debug("No thread free for provider event {}; the next poll applies it", eventId);
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
                where provider = ? and processed_at is null and attempts < ?
                order by received_at limit ?""",
                String.class, provider.code(), MAX_ATTEMPTS, BATCH_SIZE);
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
        try {
            applyOnce(eventId);
        } catch (RuntimeException e) {
            Integer attempts = DataAccessUtils.singleResult(jdbc.queryForList("""
                    update provider_events set attempts = attempts + 1, outcome = ?
                    where provider = ? and event_id = ? and processed_at is null returning attempts""",
                    Integer.class, truncate("failed: " + e), provider.code(), eventId));
            if (attempts != null && attempts >= MAX_ATTEMPTS) {
                log.error("Provider event {} failed {} times and is parked until someone looks at it", eventId, attempts, e);
            }
            throw e;
        }
    }

    /**
     * The lock, the command and the mark in one unit of work and transaction: the command's own unit of work is nested in
     * it, so its events, the aggregate's cached state and the mark are committed, or rolled back, together.
     */
    private void applyOnce(String eventId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            StoredEvent stored = lock(eventId);
            if (stored == null) {
                return null; // applied already, or being applied right now
            }
            String outcome = apply(translate(eventId, stored));
            jdbc.update("update provider_events set processed_at = ?, attempts = attempts + 1, outcome = ? where provider = ? and event_id = ?",
                    Timestamp.from(clock.instant()), truncate(outcome), provider.code(), eventId);
            return null;
        });
        if (result.isExceptional()) {
            throw result.exceptionResult() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Provider event " + eventId + " could not be applied", result.exceptionResult());
        }
    }

    private @Nullable StoredEvent lock(String eventId) {
        List<StoredEvent> locked = jdbc.query("""
                select event_type, payload from provider_events
                where provider = ? and event_id = ? and processed_at is null
                for update skip locked""",
                (row, number) -> new StoredEvent(row.getString("event_type"), row.getString("payload")),
                provider.code(), eventId);
        return locked.isEmpty() ? null : locked.getFirst();
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
