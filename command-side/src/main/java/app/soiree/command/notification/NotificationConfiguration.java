package app.soiree.command.notification;

import app.soiree.command.AggregateCache;
import app.soiree.command.SnapshotFreeRepository;
import app.soiree.command.social.Blocks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    static final String NOTIFICATION_REPOSITORY = "notificationRepository";
    static final String NOTIFICATION_CACHE = "notificationCache";

    /**
     * A notification gets its commands within moments of each other (planned, then a sent or failed outcome per channel),
     * each of which replayed its events from the store: a third of the delivery processor's CPU in a capture phase.
     */
    @Bean(NOTIFICATION_CACHE)
    Cache notificationCache() {
        return new AggregateCache(10_000, Duration.ofMinutes(10));
    }

    /** Notifications from their cache, or from their events without a snapshot read: a notification never takes one. */
    @Bean(NOTIFICATION_REPOSITORY)
    Repository<Notification> notificationRepository(@Qualifier(NOTIFICATION_CACHE) Cache cache, org.axonframework.config.Configuration axon) {
        return SnapshotFreeRepository.of(Notification.class, cache, axon);
    }

    /**
     * A block hides each of the two from the other, so either direction silences what one caused for the other. The
     * social directory answers as of now, not as of the triggering event: a processor rebuilt after an unblock plans
     * what it would have skipped, which only matters for causes still fresh enough to plan at all.
     */
    @Bean
    Blocking socialBlocking(Blocks blocks) {
        return blocks::eitherBlocked;
    }

    /**
     * A planning or dispatching step that fails is retried with the processor's backoff, never skipped at once: someone
     * would never hear that their gathering was cancelled. Sends are safe to retry (the dispatcher notes each attempt
     * first). An event that keeps failing is written down and skipped after a number of tries, so that it does not stop
     * every notification behind it ({@link NotificationStepFailures}).
     */
    @Autowired
    void retryFailedSteps(EventProcessingConfigurer processing, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                          @Value("${soiree.notifications.failures-before-skipping:10}") int failuresBeforeSkipping) {
        for (String group : List.of(NotificationPlanner.PROCESSING_GROUP, DeliveryDispatcher.PROCESSING_GROUP)) {
            NotificationStepFailures failures = new NotificationStepFailures(group, failuresBeforeSkipping, jdbc, transactions, clock);
            processing.registerListenerInvocationErrorHandler(group, configuration -> failures);
            processing.registerHandlerInterceptor(group, configuration -> failures);
        }
    }
}
