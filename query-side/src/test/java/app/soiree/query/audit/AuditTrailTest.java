package app.soiree.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.audit.AuditEventView;
import app.soiree.api.audit.AuditTrailPage;
import app.soiree.api.audit.FindAuditTrail;
import app.soiree.api.identity.Actor;
import app.soiree.query.ProjectionTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;

    record Renamed(String name) {
    }

    @Test
    void pagesThroughAnEntitysEventsInOrder() {
        UUID id = UUID.randomUUID();
        eventStore.publish(IntStream.range(0, 7)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Gathering", id.toString(), sequence, new Renamed("n" + sequence)))
                .toList());

        List<Long> sequences = new ArrayList<>();
        long from = 0;
        int pages = 0;
        Long next;
        do {
            AuditTrailPage page = trail("Gathering", id, from, 3);
            page.events().forEach(event -> sequences.add(event.sequence()));
            next = page.nextSequence();
            from = next == null ? from : next;
            pages++;
        } while (next != null);

        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void eachEventCarriesItsActorTheirRolesAndItsPayloadAsJson() {
        UUID id = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("User", id.toString(), 0, new Renamed("Ada"),
                Map.of(Actor.USER_ID_KEY, "8d1f0c1e-0000-0000-0000-000000000001", Actor.ROLES_KEY, "ADMIN")));

        AuditEventView event = trail("user", id, 0, 10).events().getFirst();

        assertThat(event.actor()).isEqualTo("8d1f0c1e-0000-0000-0000-000000000001");
        assertThat(event.actorRoles()).isEqualTo("ADMIN");
        assertThat(event.type()).isEqualTo("Renamed");
        assertThat(event.payloadJson()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(event.occurredAt()).isNotNull();
    }

    @Test
    void anUnknownEntityHasNoTrailButAKnownOneEndsWithAnEmptyPage() {
        UUID id = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("User", id.toString(), 0, new Renamed("Ada")));

        assertThat(trail("User", UUID.randomUUID(), 0, 10)).isNull();
        assertThat(trail("Payment", id, 0, 10)).isNull();
        AuditTrailPage pastTheEnd = trail("User", id, 5, 10);
        assertThat(pastTheEnd).isNotNull();
        assertThat(pastTheEnd.events()).isEmpty();
        assertThat(pastTheEnd.nextSequence()).isNull();
    }

    private @Nullable AuditTrailPage trail(String type, UUID id, long from, int limit) {
        return queries.query(new FindAuditTrail(type, id, from, limit), ResponseTypes.instanceOf(AuditTrailPage.class)).join();
    }
}
