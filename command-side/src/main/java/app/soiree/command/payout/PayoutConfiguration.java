package app.soiree.command.payout;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A payout step that fails (a concurrent append, a database hiccup) must be tried again, not logged and
 * skipped: a skipped step could leave funds reserved forever. The error propagates and the tracking
 * processor retries the event.
 */
@Configuration(proxyBeanMethods = false)
class PayoutConfiguration {

    @Autowired
    void retryFailedSteps(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PayoutSaga.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
