package app.soiree.query.operations;

import java.util.Set;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which projections park an event they cannot apply instead of retrying it for ever, and how.
 * <p>
 * Every read model of the query side does: one user's bad display name must not hide every later
 * user's profile. Their events are sequenced per aggregate (Axon's default
 * {@code SequentialPerAggregatePolicy}), so once an event is parked, the later events of the same
 * aggregate are parked behind it (applying them out of order would be wrong), and every other
 * aggregate goes on.
 * <p>
 * Not here, deliberately:
 * <ul>
 * <li>{@code ledger}: the journal must stay in stream order and complete; a hole is worse than a
 * delay, so it stops on a failure (see {@code LedgerProcessing}) and is fixed, never skipped.</li>
 * <li>the command side's sagas and trackers ({@code booking-payments}, {@code refunds},
 * {@code payouts}, {@code wallets}, {@code earnings}, {@code disputes}, {@code gathering-cancellations},
 * {@code cancellation-refunds}): they move money or decide on it, in stream order per process; a
 * skipped event there is money in the wrong place, so they stop and retry (PropagatingErrorHandler).</li>
 * <li>the subscribing groups ({@code booking-lookup}, {@code payment-references},
 * {@code payout-account-lookup}, {@code account-roles}): they run in the command's own transaction,
 * where a failure fails the command; there is no stream position to hold up.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ParkedEventProcessing {

    /** The query side's read models; {@code ProcessingGroupsTest} keeps this list complete. */
    static final Set<String> GROUPS = Set.of(
            "user-profiles", "gatherings", "payments", "booking-payment-references", "refund-views", "dispute-views", "payout-views", "chat",
            "media", "notification-views", "report-views", "social", "promotion-views");

    /** Axon's defaults, stated: beyond these a group stops (and says so) rather than filling the database. */
    static final int MAX_PARKED_SEQUENCES = 1024;
    static final int MAX_PARKED_PER_SEQUENCE = 1024;

    static boolean parks(String processingGroup) {
        return GROUPS.contains(processingGroup);
    }

    /** Absent only in the query side's own tests, which deliver events without Axon's processors. */
    @Autowired
    void parkWhatCannotBeApplied(ObjectProvider<EventProcessingConfigurer> processing, ObjectProvider<EntityManagerProvider> entityManagers,
                                 ObjectProvider<TransactionManager> transactions, ParkedEventMetrics metrics) {
        processing.ifAvailable(configurer -> GROUPS.forEach(group -> configurer
                .registerDeadLetterQueue(group, configuration -> JpaSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .entityManagerProvider(entityManagers.getObject())
                        .transactionManager(transactions.getObject())
                        .eventSerializer(configuration.eventSerializer())
                        .genericSerializer(configuration.serializer())
                        .maxSequences(MAX_PARKED_SEQUENCES)
                        .maxSequenceSize(MAX_PARKED_PER_SEQUENCE)
                        .build())
                .registerDeadLetterPolicy(group, configuration -> new ParkingPolicy(group, metrics))
                // Without it, every event asks the queue whether its sequence is parked: a query per event and group, while
                // the queue is nearly always empty. The cache remembers, per segment, the sequences known not to be parked
                // (all of them while the queue is empty) and asks only about the rest.
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (configuration, invoker) -> invoker
                        .enableSequenceIdentifierCache())));
    }

    /** Static: Axon collects handler enhancers while it configures itself, before this class's other beans. */
    @Bean
    static SavepointsAfterFailure savepointsAfterFailure(ObjectProvider<jakarta.persistence.EntityManagerFactory> entityManagerFactory,
                                                         ObjectProvider<javax.sql.DataSource> dataSource) {
        return new SavepointsAfterFailure(entityManagerFactory, dataSource);
    }
}
