package app.soiree.server.messaging;

import app.soiree.api.chat.ContentCipher;
import app.soiree.api.chat.SealedText;
import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event serializer, sealing personal data on its way into the stream and opening it on its way out
 * (crypto-shredding). A {@link PersonalData} field is written as {@code {"sealed": ..., "keyOwner": ...}}:
 * AES-256-GCM under its owner's key from {@link PersonalKeys}, the owner's id bound in as associated data.
 * Read back, a sealed field is opened with that key, or reads as {@link PersonalData#ERASED} once the key is
 * destroyed; a field stored as plain text (every event written before sealing existed) reads as it was, so
 * old events need no upcaster, and erasure blanks what the read models copied of them.
 *
 * <p>Only events go through here: commands and queries on the bus, tokens, sagas and snapshots keep their
 * own serializers (snapshots: the general one; see docs/architecture.md, "Personal data and erasure").
 */
final class SealingSerializer implements Serializer {

    private static final String SEALED = "sealed";
    private static final String KEY_OWNER = "keyOwner";

    private final Serializer delegate;
    private final PersonalKeys keys;
    /** Only reads and writes trees; decimals stay exact (an instant written as seconds with nanos must not become a double). */
    private final JsonMapper trees = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    SealingSerializer(Serializer delegate, PersonalKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(@Nullable Object object, Class<T> expectedRepresentation) {
        if (object instanceof PersonalDataErased erased) {
            keys.forget(erased.userId().value());
        }
        PersonalDataPlan plan = object == null ? PersonalDataPlan.of(Void.class) : PersonalDataPlan.of(object.getClass());
        if (plan.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = delegate.serialize(object, byte[].class);
        ObjectNode tree = (ObjectNode) trees.readTree(plain.getData());
        for (PersonalDataPlan.Field field : plan.fields()) {
            seal(tree, field);
        }
        SerializedObject<byte[]> sealed = new SimpleSerializedObject<>(trees.writeValueAsBytes(tree), byte[].class, plain.getType());
        return getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        PersonalDataPlan plan = PersonalDataPlan.of(type);
        if (plan.isEmpty()) {
            T object = delegate.deserialize(serializedObject);
            if (object instanceof PersonalDataErased erased) {
                keys.forget(erased.userId().value());
            }
            return object;
        }
        byte[] data = getConverter().convert(serializedObject, byte[].class).getData();
        ObjectNode tree = (ObjectNode) trees.readTree(data);
        for (PersonalDataPlan.Field field : plan.fields()) {
            open(tree, field);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(trees.writeValueAsBytes(tree), byte[].class, serializedObject.getType()));
    }

    private void seal(ObjectNode tree, PersonalDataPlan.Field field) {
        ObjectNode holder = holderOf(tree, field.path());
        String name = field.path().getLast();
        JsonNode value = holder == null ? null : holder.get(name);
        UUID owner = ownerIn(tree, field.subject());
        if (value == null || !value.isString() || owner == null) {
            return; // nothing to seal (null), or no owner to seal it for
        }
        Optional<byte[]> key = keys.forSealing(owner);
        if (key.isEmpty()) {
            holder.put(name, PersonalData.ERASED); // their data was erased: what arrives for them now is not kept either
            return;
        }
        SealedText sealed = ContentCipher.seal(owner, key.get(), value.asString());
        holder.putObject(name).put(SEALED, sealed.sealed()).put(KEY_OWNER, owner.toString());
    }

    private void open(ObjectNode tree, PersonalDataPlan.Field field) {
        ObjectNode holder = holderOf(tree, field.path());
        String name = field.path().getLast();
        JsonNode value = holder == null ? null : holder.get(name);
        if (value == null || !value.isObject() || !value.has(SEALED)) {
            return; // plain text stored before sealing, or nothing
        }
        UUID owner = UUID.fromString(value.get(KEY_OWNER).asString());
        Optional<byte[]> key = keys.forOpening(owner);
        holder.put(name, key.map(bytes -> ContentCipher.open(new SealedText(owner, value.get(SEALED).asString()), bytes))
                .orElse(PersonalData.ERASED));
    }

    private static @Nullable ObjectNode holderOf(ObjectNode tree, List<String> path) {
        JsonNode node = tree;
        for (String step : path.subList(0, path.size() - 1)) {
            node = node.get(step);
            if (node == null || !node.isObject()) {
                return null;
            }
        }
        return (ObjectNode) node;
    }

    private static @Nullable UUID ownerIn(ObjectNode tree, String subject) {
        JsonNode id = tree.get(subject);
        return id == null || !id.isString() ? null : UUID.fromString(id.asString());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(@Nullable Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
