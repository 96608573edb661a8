package app.soiree.command.chat;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    /**
     * Keeps busy conversations in memory, so a post does not replay the conversation's stream. Safe across
     * replicas because Axon routes one aggregate's commands to one node.
     */
    @Bean
    Cache conversationCache() {
        return new WeakReferenceCache();
    }

    /** A membership step that fails is retried with the processor's backoff, never skipped: a guest would be left out for good. */
    @Autowired
    void retryFailedMembershipSteps(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(GatheringChatMembership.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
