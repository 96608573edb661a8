package app.soiree.query.chat;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code chat} processor parks what it cannot apply (see {@code ParkedEventProcessing}); before each
 * event Axon asks its dead-letter queue whether the event's conversation has an event parked, which would
 * make it park this one too. That is one query per message. With the sequence-identifier cache, the
 * processor remembers which conversations it parked, and asks the database only when it started with
 * parked events it has not seen yet: a segment is processed by one thread of one replica at a time, so
 * nothing else parks events of its conversations meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class ChatProcessing {

    /** Absent only in the query side's own tests, which deliver events without Axon's processors. */
    @Autowired
    void rememberParkedConversations(ObjectProvider<EventProcessingConfigurer> processing) {
        processing.ifAvailable(configurer -> configurer.registerDeadLetteringEventHandlerInvokerConfiguration(
                ConversationProjection.PROCESSING_GROUP, (configuration, builder) -> builder.enableSequenceIdentifierCache()));
    }
}
