package app.soiree.command.identity;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The credential store follows role changes inside the command's own transaction: a subscribing
 * processor, and a failure there fails the command instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Autowired
    void followRoleChangesInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(StaffAccounts.PROCESSING_GROUP);
        processing.registerListenerInvocationErrorHandler(StaffAccounts.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
