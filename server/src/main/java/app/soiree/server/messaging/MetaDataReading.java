package app.soiree.server.messaging;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;

/**
 * Reads a message's metadata as Axon's own {@code MetaDataDeserializer} does (names to plain JSON values), with the
 * map's deserializer found once instead of on every call. Axon's looks it up and contextualises it (a key deserializer,
 * class introspection) for each message, and every tracking processor reads every event's metadata: Axon's batching
 * unit of work asks the correlation providers about each event it hands a handler. That lookup was 1.6 % of a booking
 * rush's samples (docs/benchmarks.md), in processors that never read a payload too. One instance per mapper
 * ({@link AxonConfiguration#axonJsonTypes}), so the remembered deserializer is that mapper's.
 */
final class MetaDataReading extends ValueDeserializer<MetaData> {

    /** The mapper's deserializer of the entries, found on first use; the same every time, so a race only finds it twice. */
    private volatile @Nullable ValueDeserializer<Object> entries;

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) {
        ValueDeserializer<Object> reader = entries;
        if (reader == null) {
            reader = context.findRootValueDeserializer(context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            entries = reader;
        }
        return MetaData.from((Map<String, ?>) reader.deserialize(parser, context, new HashMap<String, Object>()));
    }

    /** As Axon's: metadata written with type information (default typing) is read through it. */
    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer typeDeserializer) {
        return typeDeserializer.deserializeTypedFromObject(parser, context);
    }
}
