package app.soiree.command.chat;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    /** Keeps busy conversations in memory, so a post does not replay the conversation's stream ({@link ConversationCache}). */
    @Bean
    Cache conversationCache() {
        return new ConversationCache(10_000);
    }

    /** A membership step that fails is retried with the processor's backoff, never skipped: a guest would be left out for good. */
    @Autowired
    void retryFailedMembershipSteps(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(GatheringChatMembership.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }

    /** An erased author's message keys go in the erasing command's own transaction: its failure fails the erasure. */
    @Autowired
    void destroyErasedAuthorsKeysInTheErasuresTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ErasedAuthors.PROCESSING_GROUP);
        processing.registerListenerInvocationErrorHandler(ErasedAuthors.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
