package app.soiree.server.messaging;

import app.soiree.api.chat.ContentCipher;
import app.soiree.api.chat.SealedText;
import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event serializer, sealing personal data on its way into the stream and opening it on its way out
 * (crypto-shredding). A {@link PersonalData} field is written as {@code {"sealed": ..., "keyOwner": ...}}:
 * AES-256-GCM under its owner's key from {@link PersonalKeys}, the owner's id bound in as associated data; a text
 * about several people (a notification naming someone besides its recipient) is sealed under each one's key in turn.
 * Read back, a sealed field is opened with that key, or reads as {@link PersonalData#ERASED} once a key it needs is
 * destroyed; a field stored as plain text (every event written before sealing existed) reads as it was, so
 * old events need no upcaster, and erasure blanks what the read models copied of them.
 *
 * <p>Only events go through here: commands and queries on the bus, tokens, sagas and snapshots keep their
 * own serializers (snapshots: the general one; see docs/architecture.md, "Personal data and erasure").
 */
final class SealingSerializer implements Serializer {

    private static final String SEALED = "sealed";
    private static final String KEY_OWNER = "keyOwner";
    private static final String INNER_KEY_OWNERS = "innerKeyOwners";

    private final Serializer delegate;
    private final PersonalKeys keys;
    /** Only reads and writes trees; decimals stay exact (an instant written as seconds with nanos must not become a double). */
    private final JsonMapper trees = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Whether the delegate reads an event from a Jackson tree (Axon's Jackson 3 serializer does) as well as from bytes. */
    private final boolean readsTrees;

    SealingSerializer(Serializer delegate, PersonalKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
        this.readsTrees = delegate instanceof Jackson3Serializer;
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
        if (readsTrees) {
            // The opened tree as it is: written out again and parsed by the delegate, each event with personal data was
            // parsed twice by every processor that read it (a sixth of a rush's handler time, docs/benchmarks.md).
            return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
        }
        return delegate.deserialize(new SimpleSerializedObject<>(trees.writeValueAsBytes(tree), byte[].class, serializedObject.getType()));
    }

    /**
     * Sealed under each owner's key in turn, the last owner's innermost: the stored form names the outermost owner in
     * {@code keyOwner} (as a field with one owner always has) and the others, outside in, in {@code innerKeyOwners}.
     */
    private void seal(ObjectNode tree, PersonalDataPlan.Field field) {
        ObjectNode holder = holderOf(tree, field.path());
        String name = field.path().getLast();
        JsonNode value = holder == null ? null : holder.get(name);
        List<UUID> owners = field.owners().stream().map(path -> idAt(tree, path)).filter(Objects::nonNull).distinct().toList();
        if (value == null || !value.isString() || owners.isEmpty()) {
            return; // nothing to seal (null), or no owner to seal it for
        }
        String sealed = value.asString();
        for (UUID owner : owners.reversed()) {
            Optional<byte[]> key = keys.forSealing(owner);
            if (key.isEmpty()) {
                holder.put(name, PersonalData.ERASED); // their data was erased: what arrives about them now is not kept either
                return;
            }
            sealed = ContentCipher.seal(owner, key.get(), sealed).sealed();
        }
        ObjectNode stored = holder.putObject(name).put(SEALED, sealed).put(KEY_OWNER, owners.getFirst().toString());
        if (owners.size() > 1) {
            owners.subList(1, owners.size()).forEach(inner -> stored.withArray(INNER_KEY_OWNERS).add(inner.toString()));
        }
    }

    private void open(ObjectNode tree, PersonalDataPlan.Field field) {
        ObjectNode holder = holderOf(tree, field.path());
        String name = field.path().getLast();
        JsonNode value = holder == null ? null : holder.get(name);
        if (value == null || !value.isObject() || !value.has(SEALED)) {
            return; // plain text stored before sealing, or nothing
        }
        List<UUID> owners = new ArrayList<>();
        owners.add(UUID.fromString(value.get(KEY_OWNER).asString()));
        if (value.has(INNER_KEY_OWNERS)) {
            value.get(INNER_KEY_OWNERS).forEach(inner -> owners.add(UUID.fromString(inner.asString())));
        }
        String text = value.get(SEALED).asString();
        for (UUID owner : owners) {
            Optional<byte[]> key = keys.forOpening(owner);
            if (key.isEmpty()) {
                holder.put(name, PersonalData.ERASED);
                return;
            }
            text = ContentCipher.open(new SealedText(owner, text), key.get());
        }
        holder.put(name, text);
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

    /** The user id at {@code path}, or null when there is none (an optional owner absent, or not an id). */
    private static @Nullable UUID idAt(ObjectNode tree, List<String> path) {
        JsonNode id = tree;
        for (String step : path) {
            id = id.get(step);
            if (id == null) {
                return null;
            }
        }
        if (!id.isString()) {
            return null;
        }
        try {
            return UUID.fromString(id.asString());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
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
