package app.soiree.query.ledger;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A journal with a hole is worse than a journal that is late: a failing ledger handler (unbalanced
 * postings, a database error) must not be logged and skipped, as Axon does by default. The error
 * propagates and the tracking processor stays on that event, retrying with backoff, until it is fixed.
 */
@Configuration(proxyBeanMethods = false)
class LedgerProcessing {

    /** Absent only in the query side's own tests, which deliver events without Axon's processors. */
    @Autowired
    void stopOnFailure(ObjectProvider<EventProcessingConfigurer> processing) {
        processing.ifAvailable(configurer -> configurer.registerListenerInvocationErrorHandler(
                LedgerProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
    }
}
