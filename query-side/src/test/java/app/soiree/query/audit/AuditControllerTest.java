package app.soiree.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.query.ProjectionTest;
import app.soiree.query.audit.AuditController.AuditEventWire;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditControllerTest extends ProjectionTest {

    @Autowired
    AuditController controller;
    @Autowired
    EventStore eventStore;

    record Opened(String name) {
    }

    record Renamed(String name) {
    }

    @Test
    void listsAnEntitysEventsInOrderWithTheirActors() {
        UUID id = UUID.randomUUID();
        eventStore.publish(
                new GenericDomainEventMessage<>("Payment", id.toString(), 0, new Opened("a"), Map.of(Actor.USER_ID_KEY, "someone")),
                new GenericDomainEventMessage<>("Payment", id.toString(), 1, new Renamed("b")));

        AuditController.AuditTrailView trail = controller.auditTrail("payment", id);

        assertThat(trail.aggregateType()).isEqualTo("Payment");
        assertThat(trail.truncated()).isFalse();
        assertThat(trail.events()).extracting(AuditEventWire::sequence, AuditEventWire::type, AuditEventWire::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, "Opened", "someone"),
                org.assertj.core.groups.Tuple.tuple(1L, "Renamed", Actor.SYSTEM));
        assertThat(trail.events().getFirst().payload()).isEqualTo("{\"name\":\"a\"}");
    }

    @Test
    void saysWhenAnEntityHasMoreEventsThanOneAnswerHolds() {
        UUID id = UUID.randomUUID();
        eventStore.publish(IntStream.rangeClosed(0, AuditController.MAX_EVENTS)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Payment", id.toString(), sequence, new Renamed("n" + sequence)))
                .toList());

        AuditController.AuditTrailView trail = controller.auditTrail("Payment", id);

        assertThat(trail.events()).hasSize(AuditController.MAX_EVENTS);
        assertThat(trail.truncated()).isTrue();
    }

    @Test
    void answersNotFoundForAnUnknownEntityOrTheWrongType() {
        UUID id = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("Payment", id.toString(), 0, new Opened("a")));

        assertThatThrownBy(() -> controller.auditTrail("Gathering", id))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> controller.auditTrail("Payment", UUID.randomUUID()))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
