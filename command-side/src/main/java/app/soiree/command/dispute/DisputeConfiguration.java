package app.soiree.command.dispute;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A dispute command that fails (a concurrent staff action on the same dispute, a database hiccup) is retried by the
 * tracking processor, not logged and skipped: a skipped outcome would leave a decided dispute open forever.
 */
@Configuration(proxyBeanMethods = false)
class DisputeConfiguration {

    @Autowired
    void retryFailedDisputeCommands(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(DisputeTracker.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
