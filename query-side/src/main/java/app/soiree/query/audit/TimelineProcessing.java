package app.soiree.query.audit;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A timeline with a hole would tell support a story with a page torn out, and silently: a failing index handler is not
 * logged and skipped, as Axon does by default. The error propagates and the processor stays on that event, retrying
 * with backoff, until it is fixed.
 */
@Configuration(proxyBeanMethods = false)
class TimelineProcessing {

    /** Absent only in the query side's own tests, which deliver events without Axon's processors. */
    @Autowired
    void stopOnFailure(ObjectProvider<EventProcessingConfigurer> processing) {
        processing.ifAvailable(configurer -> configurer.registerListenerInvocationErrorHandler(
                TimelineIndex.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
    }
}
