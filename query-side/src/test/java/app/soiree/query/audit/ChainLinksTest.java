package app.soiree.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** The link computation: a fixed format an outside party can recompute, sensitive to every stored byte. */
class ChainLinksTest {

    static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");
    static final ChainedEvent EVENT = new ChainedEvent("e-1", "Gathering", "g-1", 3, AT, "app.soiree.Test", null,
            bytes("{\"title\":\"Dinner\"}"), bytes("{\"userId\":\"u-1\"}"));

    /** A recorded test vector: the documented layout computed independently (Python's hashlib), so the format cannot drift unnoticed. */
    @Test
    void theFirstLinkOfAKnownEventHasTheDocumentedHash() {
        assertThat(ChainLinks.next(ChainLinks.GENESIS, EVENT)).isEqualTo("eaaed088fef66cca3a297a33971cf156e866d7bd920eb0a48c3f9ac803e74393");
    }

    @Test
    void theSameEventAfterTheSameLinkAlwaysGivesTheSameLink() {
        assertThat(ChainLinks.next(ChainLinks.GENESIS, EVENT)).isEqualTo(ChainLinks.next(ChainLinks.GENESIS, copy(EVENT)));
    }

    @Test
    void aLinkDependsOnTheLinkBeforeIt() {
        String first = ChainLinks.next(ChainLinks.GENESIS, EVENT);

        assertThat(ChainLinks.next(first, EVENT)).isNotEqualTo(first).matches("[0-9a-f]{64}");
    }

    @Test
    void everyPartOfTheStoredEventChangesTheLink() {
        String original = ChainLinks.next(ChainLinks.GENESIS, EVENT);
        ChainedEvent e = EVENT;

        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent("e-2", e.aggregateType(), e.aggregateId(), e.sequence(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()))).as("event id").isNotEqualTo(original);
        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent(e.eventId(), "Booking", e.aggregateId(), e.sequence(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()))).as("aggregate type").isNotEqualTo(original);
        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent(e.eventId(), e.aggregateType(), "g-2", e.sequence(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()))).as("aggregate id").isNotEqualTo(original);
        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), 4,
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()))).as("sequence").isNotEqualTo(original);
        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(),
                AT.plusMillis(1), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()))).as("time").isNotEqualTo(original);
        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(),
                e.timestamp(), "app.soiree.Other", e.payloadRevision(), e.payload(), e.metaData()))).as("payload type").isNotEqualTo(original);
        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(),
                e.timestamp(), e.payloadType(), "1", e.payload(), e.metaData()))).as("payload revision").isNotEqualTo(original);
        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), bytes("{\"title\":\"Dinner \"}"), e.metaData())))
                .as("payload").isNotEqualTo(original);
        assertThat(ChainLinks.next(ChainLinks.GENESIS, new ChainedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), bytes("{\"userId\":\"u-2\"}"))))
                .as("metadata").isNotEqualTo(original);
    }

    /** Each field carries its length: moving bytes from one field to the next is a different event. */
    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        ChainedEvent split = new ChainedEvent("e-1", "Gathering", "g-1", 3, AT, "app.soiree.Test", null, bytes("{\"a\":1}"), bytes("{}"));
        ChainedEvent shifted = new ChainedEvent("e-1", "Gathering", "g-1", 3, AT, "app.soiree.Test", null, bytes("{\"a\":1}{"), bytes("}"));

        assertThat(ChainLinks.next(ChainLinks.GENESIS, split)).isNotEqualTo(ChainLinks.next(ChainLinks.GENESIS, shifted));
    }

    /**
     * An event read from the store is a serialized message: asked with the store's serializer, it hands back
     * the bytes it was read with (here with spaces a serializer would never write), not a fresh serialization.
     */
    @Test
    void anEventReadFromTheStoreIsChainedWithItsStoredBytes() {
        Serializer serializer = Jackson3Serializer.builder().build();
        byte[] storedPayload = bytes("{ \"title\" :  \"Dinner\" }");
        byte[] storedMetaData = bytes("{ \"userId\" : \"u-1\" }");
        SerializedMessage<Titled> read = new SerializedMessage<>("e-1",
                new SimpleSerializedObject<>(storedPayload, byte[].class, new SimpleSerializedType(Titled.class.getName(), "2")),
                new SimpleSerializedObject<>(storedMetaData, byte[].class,
                        new SimpleSerializedType(org.axonframework.messaging.MetaData.class.getName(), null)),
                serializer);

        ChainedEvent chained = ChainedEvent.asStored(new GenericDomainEventMessage<>("Gathering", "g-1", 3, read, AT), serializer);

        assertThat(chained.payload()).isEqualTo(storedPayload);
        assertThat(chained.metaData()).isEqualTo(storedMetaData);
        assertThat(chained.payloadType()).isEqualTo(Titled.class.getName());
        assertThat(chained.payloadRevision()).isEqualTo("2");
        assertThat(chained).extracting(ChainedEvent::eventId, ChainedEvent::aggregateType, ChainedEvent::aggregateId, ChainedEvent::sequence,
                ChainedEvent::timestamp).containsExactly("e-1", "Gathering", "g-1", 3L, AT);
    }

    @Test
    void anEventNoAggregateAppliedIsChainedWithoutAggregate() {
        Serializer serializer = Jackson3Serializer.builder().build();

        ChainedEvent chained = ChainedEvent.asStored(new GenericEventMessage<>(new Titled("Dinner"), Map.of("userId", "u-1")), serializer);

        assertThat(chained.aggregateType()).isNull();
        assertThat(chained.aggregateId()).isNull();
        assertThat(chained.sequence()).isEqualTo(-1);
        assertThat(new String(chained.payload(), StandardCharsets.UTF_8)).contains("Dinner");
    }

    record Titled(String title) {
    }

    private static ChainedEvent copy(ChainedEvent e) {
        return new ChainedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(), e.timestamp(), e.payloadType(),
                e.payloadRevision(), e.payload().clone(), e.metaData().clone());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
