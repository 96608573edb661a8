package app.soiree.command.ledger;

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
 * The host wallets: a forwarded balance that fails (a concurrent append, a database hiccup) is tried
 * again, not logged and skipped, since a skipped balance would hide earnings from the wallet; and a
 * wallet, which collects an event for every release and settlement, is snapshotted every
 * {@code soiree.wallet.snapshot-every-events} events (formerly {@code soiree.payouts.wallet-snapshot-every-events},
 * still read), so loading it never replays more.
 */
@Configuration(proxyBeanMethods = false)
class WalletConfiguration {

    static final String WALLET_SNAPSHOT_TRIGGER = "hostWalletSnapshotTrigger";

    @Autowired
    void retryFailedForwards(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(AvailableFundsForwarder.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }

    @Bean(WALLET_SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition hostWalletSnapshotTrigger(Snapshotter snapshotter,
            @Value("${soiree.wallet.snapshot-every-events:${soiree.payouts.wallet-snapshot-every-events:100}}") int everyEvents) {
        if (everyEvents < 1) {
            throw new IllegalArgumentException("soiree.wallet.snapshot-every-events must be positive");
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, everyEvents);
    }
}
