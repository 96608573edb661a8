package app.soiree.command.ledger;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * An earnings command that fails (a concurrent append to the same earnings, a database hiccup) must
 * be tried again, not logged and skipped: the tracking processor retries the event with backoff.
 */
@Configuration(proxyBeanMethods = false)
class EarningsConfiguration {

    @Autowired
    void retryFailedEarningsCommands(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(EarningsTracker.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
