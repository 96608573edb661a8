package app.soiree.command.notification;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /** Until the social graph can say who blocked whom, nobody has. */
    @Bean
    @ConditionalOnMissingBean
    Blocking nobodyBlocked() {
        return (recipientId, actorId) -> false;
    }

    /**
     * A planning or dispatching step that fails is retried with the processor's backoff, never skipped: someone would
     * never hear that their gathering was cancelled. Sends are safe to retry (the dispatcher notes each attempt first).
     */
    @Autowired
    void retryFailedSteps(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(NotificationPlanner.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(DeliveryDispatcher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
