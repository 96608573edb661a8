package app.soiree.query.audit;

import app.soiree.api.TypedId;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsFrozen;
import app.soiree.api.ledger.EarningsReleaseScheduled;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.refund.RefundId;
import app.soiree.query.audit.Subject.Kind;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The subjects an event names by itself: every typed id among its record components (and in lists of them), by the
 * id's type. A user named {@code hostId} is the host; any other user id is a user's. The events that concern a
 * gathering's earnings as a whole (scheduled, released, frozen) also name {@link Kind#EARNINGS}. Events are records;
 * the components of each record type are looked up once.
 */
final class NamedSubjects {

    private static final Map<Class<? extends TypedId>, Kind> KINDS = Map.of(
            BookingId.class, Kind.BOOKING,
            PaymentId.class, Kind.PAYMENT,
            RefundId.class, Kind.REFUND,
            DisputeId.class, Kind.DISPUTE,
            PayoutId.class, Kind.PAYOUT,
            GatheringId.class, Kind.GATHERING);
    private static final Set<Class<?>> EARNINGS_EVENTS = Set.of(EarningsReleaseScheduled.class, EarningsReleased.class, EarningsFrozen.class);
    private static final Map<Class<?>, List<RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

    private NamedSubjects() {
    }

    /** In the order the event names them, each once. The aggregate a {@code User} event belongs to is that user's. */
    static Set<Subject> of(Object payload, String aggregateType, String aggregateId) {
        Set<Subject> subjects = new LinkedHashSet<>();
        if ("User".equals(aggregateType)) {
            subjects.add(new Subject(Kind.USER, aggregateId));
        }
        for (RecordComponent component : components(payload.getClass())) {
            Object value = read(component, payload);
            if (value instanceof Collection<?> values) {
                values.forEach(each -> add(each, component.getName(), subjects));
            } else {
                add(value, component.getName(), subjects);
            }
        }
        if (EARNINGS_EVENTS.contains(payload.getClass())) {
            subjects.stream().filter(subject -> subject.kind() == Kind.GATHERING).findFirst()
                    .ifPresent(gathering -> subjects.add(new Subject(Kind.EARNINGS, gathering.id())));
        }
        return subjects;
    }

    /**
     * The id of the event a bookkeeping event reports on, for events stored before {@code causingEventId} existed:
     * earnings and wallet records name their source event as {@code {eventId}} or {@code {eventId}:{currency}}.
     */
    static @Nullable String sourceEventId(Object payload) {
        for (RecordComponent component : components(payload.getClass())) {
            if (component.getName().equals("source") && read(component, payload) instanceof String source && !source.isBlank()) {
                int colon = source.indexOf(':');
                return colon < 0 ? source : source.substring(0, colon);
            }
        }
        return null;
    }

    private static void add(@Nullable Object value, String name, Set<Subject> into) {
        if (value instanceof UserId user) {
            into.add(new Subject(name.equals("hostId") ? Kind.HOST : Kind.USER, user.value().toString()));
        } else if (value instanceof TypedId id && KINDS.containsKey(id.getClass())) {
            into.add(new Subject(KINDS.get(id.getClass()), id.value().toString()));
        }
    }

    private static List<RecordComponent> components(Class<?> type) {
        return COMPONENTS.computeIfAbsent(type, record -> {
            if (!record.isRecord()) {
                return List.of();
            }
            List<RecordComponent> components = List.of(record.getRecordComponents());
            components.forEach(component -> component.getAccessor().trySetAccessible());
            return components;
        });
    }

    private static @Nullable Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component + " of " + record.getClass().getName(), e);
        }
    }
}
