package app.soiree.command.promotion;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A refund or a gathering's news that fails (a concurrent append to the wallet, a database hiccup) is tried again,
 * not logged and skipped: a skipped refund keeps the host's money, a skipped publication makes a gathering unpromotable.
 */
@Configuration(proxyBeanMethods = false)
class PromotionConfiguration {

    @Autowired
    void retryFailedEvents(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PromotionRefunds.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(PromotableGatheringsUpdater.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
