package app.soiree.command.ledger;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An earnings command that fails (a concurrent append to the same earnings, a database hiccup) must
 * be tried again, not logged and skipped: the tracking processor retries the event with backoff.
 * A gathering's earnings stay in memory between its commands (they come one at a time from that
 * processor) and are snapshotted every {@code soiree.wallet.earnings-snapshot-every-events} events, so
 * a capture never replays its gathering's earlier ones: its cost stays flat as bookings grow.
 */
@Configuration(proxyBeanMethods = false)
class EarningsConfiguration {

    static final String EARNINGS_CACHE = "earningsCache";
    static final String EARNINGS_SNAPSHOT_TRIGGER = "earningsSnapshotTrigger";

    @Bean(EARNINGS_CACHE)
    Cache earningsCache() {
        return new WeakReferenceCache();
    }

    @Bean(EARNINGS_SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition earningsSnapshotTrigger(Snapshotter snapshotter,
            @Value("${soiree.wallet.earnings-snapshot-every-events:100}") int everyEvents) {
        if (everyEvents < 1) {
            throw new IllegalArgumentException("soiree.wallet.earnings-snapshot-every-events must be positive");
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, everyEvents);
    }

    @Autowired
    void retryFailedEarningsCommands(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(EarningsTracker.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
