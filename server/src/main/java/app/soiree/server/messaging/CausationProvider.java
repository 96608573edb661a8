package app.soiree.server.messaging;

import app.soiree.api.audit.Causation;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * What every message made while handling another carries about it: the handled message as its cause
 * ({@link Causation#CAUSATION_ID_KEY}, {@link Causation#CAUSATION_TYPE_KEY}), the chain's first message
 * ({@link Causation#CORRELATION_ID_KEY}) and the nearest stored event up the chain
 * ({@link Causation#CAUSING_EVENT_ID_KEY}). Axon's own {@code MessageOriginProvider} writes the parent under
 * {@code correlationId} and the root under {@code traceId}; Soiree names them as the rest of the industry does, and
 * reads the old pair on messages that still carry it (a deadline scheduled before, an event redelivered).
 */
class CausationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> cause) {
        MetaData metaData = cause.getMetaData();
        Map<String, Object> data = new HashMap<>();
        data.put(Causation.CAUSATION_ID_KEY, cause.getIdentifier());
        data.put(Causation.CAUSATION_TYPE_KEY, typeOf(cause));
        data.put(Causation.CORRELATION_ID_KEY, rootOf(cause));
        // A deadline message is an EventMessage to Axon, but it is never stored: it passes its own causing event on.
        boolean storedEvent = cause instanceof EventMessage<?> && !(cause instanceof DeadlineMessage<?>);
        Object causingEvent = storedEvent ? cause.getIdentifier() : metaData.get(Causation.CAUSING_EVENT_ID_KEY);
        if (causingEvent != null) {
            data.put(Causation.CAUSING_EVENT_ID_KEY, causingEvent);
        }
        if (cause instanceof DeadlineMessage<?> && metaData.get(Causation.CAUSATION_ID_KEY) != null) {
            // The deadline's own id is made afresh each time it runs; what scheduled it is the lasting link.
            data.put(Causation.SCHEDULED_BY_KEY, metaData.get(Causation.CAUSATION_ID_KEY));
        }
        return data;
    }

    /**
     * The chain's first message. A new-style message names it; an old-style one has Axon's root under
     * {@code traceId}; a message with neither is a root itself (a command stamped at dispatch carries its own id).
     */
    static String rootOf(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Object root = metaData.containsKey(Causation.CAUSATION_ID_KEY) ? metaData.get(Causation.CORRELATION_ID_KEY)
                : metaData.getOrDefault(Causation.LEGACY_ROOT_KEY, metaData.get(Causation.CORRELATION_ID_KEY));
        return root != null ? root.toString() : message.getIdentifier();
    }

    static String typeOf(Message<?> message) {
        return switch (message) {
            case DeadlineMessage<?> deadline -> "deadline:" + deadline.getDeadlineName();
            case CommandMessage<?> command -> "command:" + command.getPayloadType().getSimpleName();
            case EventMessage<?> event -> "event:" + event.getPayloadType().getSimpleName();
            default -> "message:" + message.getPayloadType().getSimpleName();
        };
    }
}
