package app.soiree.command.payment;

import app.soiree.command.AggregateCache;
import app.soiree.command.SnapshotFreeRepository;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    static final String PAYMENT_REPOSITORY = "paymentRepository";
    static final String PAYMENT_CACHE = "paymentCache";

    /**
     * A payment gets its commands within minutes (requested, the provider's intent, the capture or decline), each of
     * which replayed its events from the store, one of them on the provider-event threads that every capture waits for.
     */
    @Bean(PAYMENT_CACHE)
    Cache paymentCache() {
        return new AggregateCache(10_000, Duration.ofMinutes(10));
    }

    /** Payments from their cache, or from their events without a snapshot read: a payment never takes one. */
    @Bean(PAYMENT_REPOSITORY)
    Repository<Payment> paymentRepository(@Qualifier(PAYMENT_CACHE) Cache cache, org.axonframework.config.Configuration axon) {
        return SnapshotFreeRepository.of(Payment.class, cache, axon);
    }

    /**
     * A saga step that fails (a command refused by a concurrent change, a database hiccup) must be tried
     * again, not logged and skipped: skipping could leave a captured payment without its seats. The
     * error propagates, and the tracking processor retries the event with backoff.
     */
    @Autowired
    void retryFailedSagaSteps(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(BookingPaymentSaga.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
