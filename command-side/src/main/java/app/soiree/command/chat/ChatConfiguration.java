package app.soiree.command.chat;

import app.soiree.command.AggregateCache;
import app.soiree.command.ProportionalSnapshotTriggerDefinition;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    static final String CONVERSATION_SNAPSHOT_TRIGGER = "conversationSnapshotTrigger";

    /** Keeps busy conversations in memory, so a post does not replay the conversation's stream ({@link AggregateCache}). */
    @Bean
    Cache conversationCache() {
        return new AggregateCache(10_000, Duration.ofHours(1));
    }

    /**
     * A conversation the cache no longer holds (idle for an hour, after a restart, on another replica) is loaded from its
     * latest snapshot and the events after it, not from its first event: a gathering chat gets an event per guest who
     * joins and per message. Its snapshot grows with its members and messages (never their texts), so the interval grows
     * with the stream, as a gathering's does.
     */
    @Bean(CONVERSATION_SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition conversationSnapshotTrigger(Snapshotter snapshotter,
            @Value("${soiree.chat.snapshot-every-events:200}") int everyEvents) {
        if (everyEvents < 1) {
            throw new IllegalArgumentException("soiree.chat.snapshot-every-events must be positive");
        }
        return new ProportionalSnapshotTriggerDefinition(snapshotter, everyEvents);
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
