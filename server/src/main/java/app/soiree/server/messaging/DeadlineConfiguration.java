package app.soiree.server.messaging;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where deadlines run and how a failed one is retried.
 * <ul>
 * <li>Only a process with the {@code command} role runs db-scheduler ({@code SoireeRoles} switches it off
 * elsewhere), so a deadline is always picked by a process that hosts the aggregates and sagas it is for.
 * Without the role, the process has a deadline manager that refuses to schedule: nothing there should.</li>
 * <li>Replicas of the command role share one event store, and each caches aggregates. A deadline bypasses
 * command routing, so it may run on a replica whose cached aggregate is behind the store; its events then
 * conflict with those already stored ({@code ConcurrencyException}), the unit of work rolls back and the
 * caching repository evicts the entry. So each deadline first evicts its aggregate from this replica's caches
 * (a stale copy may also make the handler find nothing to do, and drop the deadline without any conflict), and
 * a deadline that still conflicts (a command on another replica wrote in between) runs again at once, from the
 * store, a few times ({@link StaleAggregateRetry}). Other failures wait and are retried with a growing delay.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);
    /** Axon's name for its deadline task ({@code DbSchedulerDeadlineToken.TASK_NAME}, package-private). */
    static final String TASK_NAME = "AxonDeadline";

    /**
     * Replaces the task Axon's auto-configuration would register under the same qualifier: the same execution
     * (Axon's own), run again at once after a conflict with a stale cache, and a shorter wait than db-scheduler's
     * five minutes for any other failure.
     */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context,
            @Value("${soiree.deadlines.conflict-attempts:5}") int conflictAttempts,
            @Value("${soiree.deadlines.retry-after:PT5S}") Duration retryAfter,
            @Value("${soiree.deadlines.max-retry-after:PT5M}") Duration maxRetryAfter) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        StaleAggregateRetry retry = new StaleAggregateRetry(conflictAttempts);
        return Tasks.oneTime(TASK_NAME, DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new GrowingDelay<>(retryAfter, maxRetryAfter))
                .execute((instance, execution) -> retry.run(instance.getId(), () -> {
                    evictScope(context, instance.getData());
                    axon.execute(instance, execution);
                }));
    }

    /**
     * Forgets this replica's cached copy of the aggregate a deadline is for, so that the deadline is handled on the
     * aggregate as stored. A stale copy would not always fail: a handler that finds nothing to do on it (a hold it
     * never heard of, made through another replica) writes nothing, conflicts with nothing, and the deadline would
     * be lost without a word. Deadlines are few; loading their aggregate from the store (and its snapshot) is cheap.
     * The scope is read as JSON and every text in it is evicted from every Axon cache: the ids are UUIDs.
     */
    static void evictScope(ApplicationContext context, DbSchedulerBinaryDeadlineDetails details) {
        List<String> ids = new java.util.ArrayList<>();
        try {
            collectTexts(SCOPES.readTree(details.getS()), ids);
        } catch (RuntimeException e) {
            log.debug("Could not read the scope of deadline {}; its aggregate stays cached", details.getD(), e);
            return;
        }
        for (Cache cache : context.getBeansOfType(Cache.class).values()) {
            ids.forEach(cache::remove);
        }
    }

    private static final JsonMapper SCOPES = JsonMapper.builder().build();

    private static void collectTexts(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
        for (JsonNode child : node) {
            collectTexts(child, into);
        }
    }

    /**
     * Axon's deadline manager on db-scheduler, with the deadlines of a unit of work written together
     * ({@link BatchedDeadlineManager}); replaces the one Axon's auto-configuration would make. Only where deadlines run.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "db-scheduler.enabled", matchIfMissing = true)
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer, TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        return new BatchedDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)   // db-scheduler's own auto-configuration starts and stops it
                .stopScheduler(false), scheduler, serializer);
    }

    /** A process without the command role hosts no aggregate or saga: nothing there may schedule a deadline. */
    @Bean
    @ConditionalOnBooleanProperty(name = "soiree.role.command", havingValue = false)
    DeadlineManager refusingDeadlineManager() {
        return new RefusingDeadlineManager();
    }

    /** Says at start-up whether this process runs deadlines, so an operator can see where they go. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> deadlinesAnnouncement(Environment environment) {
        return event -> {
            List<String> roles = List.of(environment.getProperty("soiree.roles", "").split(","));
            if (environment.getProperty("db-scheduler.enabled", Boolean.class, true)) {
                log.info("Deadlines run in this process (roles {}): db-scheduler with {} threads, polling every {}",
                        roles, environment.getProperty("db-scheduler.threads", "?"),
                        environment.getProperty("db-scheduler.polling-interval", "?"));
            } else {
                log.info("Deadlines do not run in this process (roles {}): only processes with the command role run them", roles);
            }
        };
    }

    /** db-scheduler's failure handler: {@code first}, then twice as long each time, at most {@code max}. */
    record GrowingDelay<T>(Duration first, Duration max) implements FailureHandler<T> {
        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
            int failures = Math.max(1, complete.getExecution().consecutiveFailures + 1);
            Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 20));
            if (wait.compareTo(max) > 0) {
                wait = max;
            }
            Instant next = complete.getTimeDone().plus(wait);
            log.warn("Deadline {} failed ({} time(s) in a row); trying again at {}", complete.getExecution().taskInstance.getId(),
                    failures, next, complete.getCause().orElse(null));
            operations.reschedule(complete, next);
        }
    }
}
