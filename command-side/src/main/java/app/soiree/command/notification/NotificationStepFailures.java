package app.soiree.command.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a notification processor does when a step fails. It is retried, with the processor's backoff (up to a minute
 * between tries): nobody must miss that their gathering was cancelled because the database blinked. But an event that
 * fails the same way every time would stop every notification behind it, for everyone, for ever. So after
 * {@code soiree.notifications.failures-before-skipping} failures of the same event in a row (about five minutes with
 * the default ten), it is written down in {@code notification_skipped_events}, said at ERROR level, and skipped from
 * the next try on. Writing it down needs the database: while the database is away nothing is skipped, only retried.
 *
 * <p>Each try of a failing event rolls its whole batch back (the error goes on to the processor): the transaction may
 * be one PostgreSQL has already aborted, so the skip is recorded in a transaction of its own and takes effect on the
 * next try, which leaves the event out before any handler runs. Providers' failures never come here: a sender answers
 * them as an outcome ({@link DeliveryDispatcher}).
 */
final class NotificationStepFailures implements ListenerInvocationErrorHandler, MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(NotificationStepFailures.class);
    static final int MAX_ERROR_LENGTH = 1024;
    /** Failures are counted for this many events at most; more at once means something else is wrong. */
    private static final int MAX_COUNTED = 10_000;

    private final String processingGroup;
    private final int failuresBeforeSkipping;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    NotificationStepFailures(String processingGroup, int failuresBeforeSkipping, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                             Clock clock) {
        if (failuresBeforeSkipping < 1) {
            throw new IllegalArgumentException("soiree.notifications.failures-before-skipping must be at least 1");
        }
        this.processingGroup = processingGroup;
        this.failuresBeforeSkipping = failuresBeforeSkipping;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public @Nullable Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        String eventId = unitOfWork.getMessage().getIdentifier();
        if (!loaded) {
            loadSkipped();
        }
        if (skipped.contains(eventId)) {
            return null; // given up on: written down in notification_skipped_events
        }
        Object result = interceptorChain.proceed();
        if (!failures.isEmpty()) {
            failures.remove(eventId); // it went through: its failures were not in a row after all
        }
        return result;
    }

    /** The events skipped before this process started, so a restart does not try them again (nor another replica's). */
    private synchronized void loadSkipped() {
        if (!loaded) {
            skipped.addAll(jdbc.queryForList("select event_id from notification_skipped_events where processing_group = ?", String.class,
                    processingGroup));
            loaded = true;
        }
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler) throws Exception {
        String eventId = event.getIdentifier();
        if (failures.size() >= MAX_COUNTED && !failures.containsKey(eventId)) {
            failures.clear();
        }
        int failed = failures.merge(eventId, 1, Integer::sum);
        if (failed >= failuresBeforeSkipping) {
            skip(event, failed, exception);
        } else {
            log.warn("Notification step failed ({} of {} tries before the event is skipped): group={} eventType={} eventId={}", failed,
                    failuresBeforeSkipping, processingGroup, event.getPayloadType().getName(), eventId, exception);
        }
        throw exception;
    }

    private void skip(EventMessage<?> event, int failed, Exception cause) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update("""
                            insert into notification_skipped_events (processing_group, event_id, event_type, failures, error, skipped_at)
                            values (?, ?, ?, ?, ?, ?) on conflict do nothing""", processingGroup, event.getIdentifier(),
                    event.getPayloadType().getName(), failed, describe(cause), Timestamp.from(clock.instant())));
        } catch (RuntimeException databaseAway) {
            log.warn("Notification step failed {} times, but the skip could not be written down; tried again: group={} eventId={}", failed,
                    processingGroup, event.getIdentifier(), databaseAway);
            return;
        }
        skipped.add(event.getIdentifier());
        failures.remove(event.getIdentifier());
        log.error("Notification step failed {} times in a row; the event is skipped (notification_skipped_events): group={} eventType={} "
                + "eventId={}", failed, processingGroup, event.getPayloadType().getName(), event.getIdentifier(), cause);
    }

    private static String describe(Throwable failure) {
        String text = failure.getClass().getName() + ": " + failure.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
