package app.soiree.query.audit;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * An event as the event store holds it: what a link of the hash chain covers. Payload and metadata are
 * the stored bytes: an event read from the store is a serialized message, and asking it for its
 * serialized form with the store's own serializer hands back what was read, without deserialising and
 * serialising it again (Axon's {@code SerializedMessage#serializePayload}), so a byte changed in the store
 * changes the link even where the object read back would look the same.
 *
 * <p>{@code aggregateType} and {@code aggregateId} are null and {@code sequence} is -1 for an event that
 * no aggregate applied.
 */
record ChainedEvent(String eventId, @Nullable String aggregateType, @Nullable String aggregateId, long sequence, Instant timestamp,
                    String payloadType, @Nullable String payloadRevision, byte[] payload, byte[] metaData) {

    /** {@code storeSerializer} must be the very serializer the event store reads with (Axon's event serializer). */
    static ChainedEvent asStored(EventMessage<?> message, Serializer storeSerializer) {
        SerializedObject<byte[]> payload = message.serializePayload(storeSerializer, byte[].class);
        byte[] metaData = message.serializeMetaData(storeSerializer, byte[].class).getData();
        if (message instanceof DomainEventMessage<?> domain) {
            return new ChainedEvent(message.getIdentifier(), domain.getType(), domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                    message.getTimestamp(), payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData);
        }
        return new ChainedEvent(message.getIdentifier(), null, null, -1, message.getTimestamp(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData);
    }
}
