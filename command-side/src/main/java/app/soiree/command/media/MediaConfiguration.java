package app.soiree.command.media;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A step of processing or clean-up that fails for a reason of the platform's own (the store or the database
 * unreachable) is retried with backoff, never skipped: skipping would leave a medium processing until its deadline
 * rejects it, or bytes in the store that nothing refers to.
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Autowired
    void retryFailedSteps(EventProcessingConfigurer processing) {
        for (String group : new String[] {MediaProcessing.PROCESSING_GROUP, MediaLifecycle.PROCESSING_GROUP}) {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
