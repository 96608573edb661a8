package app.soiree.command.notification;

import app.soiree.command.social.Blocks;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /**
     * A block hides each of the two from the other, so either direction silences what one caused for the other. The
     * social directory answers as of now, not as of the triggering event: a processor rebuilt after an unblock plans
     * what it would have skipped, which only matters for causes still fresh enough to plan at all.
     */
    @Bean
    Blocking socialBlocking(Blocks blocks) {
        return blocks::eitherBlocked;
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
