package app.soiree.command.payout;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A payout step or a forwarded balance that fails (a concurrent append, a database hiccup) must be tried
 * again, not logged and skipped: a skipped step could leave funds reserved forever, a skipped balance
 * would hide earnings from the wallet. The error propagates and the tracking processor retries the event.
 */
@Configuration(proxyBeanMethods = false)
class PayoutConfiguration {

    static final String WALLET_SNAPSHOT_TRIGGER = "hostWalletSnapshotTrigger";

    @Autowired
    void retryFailedSteps(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PayoutSaga.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(AvailableFundsForwarder.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }

    @Bean(WALLET_SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition hostWalletSnapshotTrigger(Snapshotter snapshotter, PayoutProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.walletSnapshotEveryEvents());
    }
}
