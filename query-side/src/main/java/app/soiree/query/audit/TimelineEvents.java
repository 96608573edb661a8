package app.soiree.query.audit;

import app.soiree.api.audit.Causation;
import app.soiree.api.audit.TimelineActorView;
import app.soiree.api.audit.TimelineEventView;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.ActorKind;
import app.soiree.api.ledger.LedgerEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored event as a timeline shows it: its payload as stored, its money, and what its metadata says about who and
 * what caused it. Events stored before causation ids carry Axon's former pair, whose {@code correlationId} is the
 * parent and {@code traceId} the root ({@link Causation}); they are shown under today's names. A bookkeeping event
 * of that time names its cause in its payload ({@code source}).
 */
@Component
class TimelineEvents {

    private final JsonMapper json;

    TimelineEvents(JsonMapper json) {
        this.json = json;
    }

    TimelineEventView view(DomainEventMessage<?> event, long position) {
        MetaData metaData = event.getMetaData();
        boolean stampedWithCausation = metaData.containsKey(Causation.CAUSATION_ID_KEY);
        String causationId = text(metaData.get(stampedWithCausation ? Causation.CAUSATION_ID_KEY : Causation.CORRELATION_ID_KEY));
        String correlationId = text(metaData.get(stampedWithCausation ? Causation.CORRELATION_ID_KEY : Causation.LEGACY_ROOT_KEY));
        String causingEventId = text(metaData.get(Causation.CAUSING_EVENT_ID_KEY));
        Object payload = event.getPayload();
        return new TimelineEventView(event.getIdentifier(), position, event.getPayloadType().getSimpleName(), event.getTimestamp(),
                String.valueOf(event.getType()), event.getAggregateIdentifier(), event.getSequenceNumber(), actor(metaData),
                causationId, text(metaData.get(Causation.CAUSATION_TYPE_KEY)),
                causingEventId != null ? causingEventId : NamedSubjects.sourceEventId(payload),
                correlationId, payload instanceof LedgerEvent money ? money.postings() : null, json.writeValueAsString(payload));
    }

    static TimelineActorView actor(MetaData metaData) {
        Object userId = metaData.get(Actor.USER_ID_KEY);
        ActorKind kind = ActorKind.read(metaData.get(ActorKind.KEY), userId);
        return switch (kind) {
            case USER -> new TimelineActorView(text(userId), blankAsNull(text(metaData.get(Actor.ROLES_KEY))), kind, null);
            case PROVIDER -> new TimelineActorView(null, null, kind, providerName(text(userId)));
            case DEADLINE, SYSTEM -> new TimelineActorView(null, null, kind, null);
        };
    }

    /** {@code provider:stripe} names {@code stripe}. */
    private static @Nullable String providerName(@Nullable String userId) {
        return userId != null && userId.startsWith(ActorKind.PROVIDER_PREFIX) ? userId.substring(ActorKind.PROVIDER_PREFIX.length()) : userId;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static @Nullable String blankAsNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
