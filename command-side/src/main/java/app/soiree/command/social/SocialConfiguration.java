package app.soiree.command.social;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The social directory is written inside the command's own transaction (a subscribing processor, see
 * application.yml), and a failure there fails the command: a block that was answered is a block that holds.
 */
@Configuration(proxyBeanMethods = false)
class SocialConfiguration {

    @Autowired
    void recordRelationshipsInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(SocialDirectory.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
