package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPending;
import app.soiree.server.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Messages stored before a class moved package come back as the class it is now, from every store:
 * the event store, the deadline store (a hold expiry's {@code BookingId}) and the others all hold
 * the old name and are never rewritten.
 */
@IntegrationTest
class RenamingSerializerTest {

    private final Serializer serializer = RenamingSerializer.wrap(Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new AxonConfiguration().axonJsonTypes())
            .build());

    @Autowired
    private Serializer general;
    @Autowired
    @Qualifier("messageSerializer")
    private Serializer messages;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;

    @Test
    void anEventStoredUnderItsFormerNameIsReadAsTheClassItIsNow() {
        RefundPending event = new RefundPending(new PaymentId(UUID.randomUUID()), new RefundId(UUID.randomUUID()), "re_1",
                Instant.parse("2026-11-01T10:00:00Z"));
        SerializedObject<byte[]> stored = storedAs("app.soiree.api.payment.RefundPending", serializer.serialize(event, byte[].class));

        assertThat(serializer.classForType(stored.getType())).isEqualTo(RefundPending.class);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void aDeadlinePayloadStoredUnderItsFormerNameIsReadAsTheClassItIsNow() {
        BookingId booking = new BookingId(UUID.randomUUID());
        SerializedObject<byte[]> stored = storedAs("app.soiree.api.booking.BookingId", serializer.serialize(booking, byte[].class));

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(booking);
    }

    @Test
    void newMessagesAreWrittenUnderTheirCurrentName() {
        assertThat(serializer.typeForClass(RefundPending.class).getName()).isEqualTo(RefundPending.class.getName());
    }

    @Test
    void everyFormerNameIsGoneAndEveryCurrentNameExists() {
        for (Map.Entry<String, String> rename : RenamingSerializer.RENAMED.entrySet()) {
            assertThatThrownBy(() -> Class.forName(rename.getKey())).as(rename.getKey() + " still exists")
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(loads(rename.getValue())).as(rename.getValue()).isTrue();
        }
    }

    @Test
    void everySerializerAxonUsesReadsFormerNames() {
        assertThat(general).isInstanceOf(RenamingSerializer.class);
        assertThat(messages).isInstanceOf(RenamingSerializer.class);
        assertThat(events).isInstanceOf(RenamingSerializer.class);
    }

    private static SerializedObject<byte[]> storedAs(String formerName, SerializedObject<byte[]> serialized) {
        return new SimpleSerializedObject<>(serialized.getData(), byte[].class,
                new SimpleSerializedType(formerName, serialized.getType().getRevision()));
    }

    private static boolean loads(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
