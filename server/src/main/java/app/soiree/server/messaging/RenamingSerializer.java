package app.soiree.server.messaging;

import java.util.Map;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * A serializer that reads messages stored under a class name the code no longer has. The event
 * store, the deadline store (a hold's expiry carries a {@code BookingId}, a refund's retry a
 * {@code RefundId}), the saga store and the dead-letter queue all keep the fully qualified class name
 * of what they hold, and these stores are never rewritten: moving a message to another package would
 * otherwise make every earlier copy unreadable. One table of renames, applied wherever Axon turns a
 * stored type name into a class, covers every store at once (an upcaster per event would miss the
 * deadlines and the dead letters). New messages are written under their new names.
 *
 * <p>A rename is forever: a row stays here as long as a store may hold the old name.
 */
final class RenamingSerializer implements Serializer {

    /** Old class name to the class it is now. */
    static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("app.soiree.api.booking.BookingId", "app.soiree.api.gathering.BookingId"),
            Map.entry("app.soiree.api.booking.BookingStatus", "app.soiree.api.gathering.BookingStatus"),
            Map.entry("app.soiree.api.payment.ConfirmRefund", "app.soiree.api.refund.ConfirmRefund"),
            Map.entry("app.soiree.api.payment.FailRefund", "app.soiree.api.refund.FailRefund"),
            Map.entry("app.soiree.api.payment.FindRefunds", "app.soiree.api.refund.FindRefunds"),
            Map.entry("app.soiree.api.payment.MarkRefundOutcomeUnknown", "app.soiree.api.refund.MarkRefundOutcomeUnknown"),
            Map.entry("app.soiree.api.payment.MarkRefundPending", "app.soiree.api.refund.MarkRefundPending"),
            Map.entry("app.soiree.api.payment.PaymentRefunded", "app.soiree.api.refund.PaymentRefunded"),
            Map.entry("app.soiree.api.payment.PaymentView", "app.soiree.api.booking.PaymentView"),
            Map.entry("app.soiree.api.payment.RecordRefundOutcomes", "app.soiree.api.refund.RecordRefundOutcomes"),
            Map.entry("app.soiree.api.payment.RefundFailed", "app.soiree.api.refund.RefundFailed"),
            Map.entry("app.soiree.api.payment.RefundId", "app.soiree.api.refund.RefundId"),
            Map.entry("app.soiree.api.payment.RefundNotNeeded", "app.soiree.api.refund.RefundNotNeeded"),
            Map.entry("app.soiree.api.payment.RefundOutcomeUnknown", "app.soiree.api.refund.RefundOutcomeUnknown"),
            Map.entry("app.soiree.api.payment.RefundPage", "app.soiree.api.refund.RefundPage"),
            Map.entry("app.soiree.api.payment.RefundPayment", "app.soiree.api.refund.RefundPayment"),
            Map.entry("app.soiree.api.payment.RefundPending", "app.soiree.api.refund.RefundPending"),
            Map.entry("app.soiree.api.payment.RefundRemaining", "app.soiree.api.refund.RefundRemaining"),
            Map.entry("app.soiree.api.payment.RefundRequested", "app.soiree.api.refund.RefundRequested"),
            Map.entry("app.soiree.api.payment.RefundReversed", "app.soiree.api.refund.RefundReversed"),
            Map.entry("app.soiree.api.payment.RefundStatus", "app.soiree.api.refund.RefundStatus"),
            Map.entry("app.soiree.api.payment.RefundView", "app.soiree.api.refund.RefundView"));

    private final Serializer delegate;

    RenamingSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    static Serializer wrap(Serializer serializer) {
        return serializer instanceof RenamingSerializer ? serializer : new RenamingSerializer(serializer);
    }

    /** The serializer this one renames for (the event serializer puts its sealing there: {@link PersonalDataSealing}). */
    Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType current = current(serializedObject.getType());
        if (current == serializedObject.getType()) {
            return delegate.deserialize(serializedObject);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(serializedObject.getData(), serializedObject.getContentType(), current));
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(current(type));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static SerializedType current(SerializedType type) {
        String renamed = RENAMED.get(type.getName());
        return renamed == null ? type : new SimpleSerializedType(renamed, type.getRevision());
    }
}
