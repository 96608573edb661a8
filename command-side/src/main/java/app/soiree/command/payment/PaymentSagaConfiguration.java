package app.soiree.command.payment;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A saga step that fails (a command refused by a concurrent change, a database hiccup) must be tried
 * again, not logged and skipped: skipping could leave a captured payment without its seats. The
 * error propagates, and the tracking processor retries the event with backoff.
 */
@Configuration(proxyBeanMethods = false)
class PaymentSagaConfiguration {

    @Autowired
    void retryFailedSagaSteps(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(BookingPaymentSaga.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
