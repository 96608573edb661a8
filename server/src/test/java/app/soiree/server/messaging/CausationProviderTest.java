package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.audit.Causation;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.ActorKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * Messages made while handling another, as Axon makes them (the unit of work's correlation data merged into each new
 * message): a root command, the event it makes, a saga's command on that event, a deadline it schedules and what the
 * deadline makes when it comes due.
 */
class CausationProviderTest {

    record HoldSeats() {
    }

    record SeatsHeld() {
    }

    record ConfirmSeats() {
    }

    record HoldExpiry() {
    }

    record HoldExpired() {
    }

    private final ActorMetadataInterceptor stamping = new ActorMetadataInterceptor(
            org.springframework.security.core.context.SecurityContextHolder::getContextHolderStrategy);

    @Test
    void aChainCarriesEachMessagesCauseItsRootTheNearestEventAndItsActor() {
        CommandMessage<?> hold = stamp(GenericCommandMessage.asCommandMessage(new HoldSeats())
                .andMetaData(Map.of(Actor.USER_ID_KEY, "guest-1", Actor.ROLES_KEY, "GUEST")));
        assertThat(hold.getMetaData()).containsEntry(Causation.CORRELATION_ID_KEY, hold.getIdentifier())
                .containsEntry(ActorKind.KEY, "USER").doesNotContainKey(Causation.CAUSATION_ID_KEY);

        EventMessage<?> held = madeWhileHandling(hold, () -> GenericEventMessage.asEventMessage(new SeatsHeld()));
        assertThat(held.getMetaData()).containsEntry(Causation.CAUSATION_ID_KEY, hold.getIdentifier())
                .containsEntry(Causation.CAUSATION_TYPE_KEY, "command:HoldSeats")
                .containsEntry(Causation.CORRELATION_ID_KEY, hold.getIdentifier())
                .containsEntry(Actor.USER_ID_KEY, "guest-1").containsEntry(ActorKind.KEY, "USER")
                .doesNotContainKey(Causation.CAUSING_EVENT_ID_KEY);

        CommandMessage<?> confirm = stamp(madeWhileHandling(held, () -> GenericCommandMessage.asCommandMessage(new ConfirmSeats())));
        assertThat(confirm.getMetaData()).containsEntry(Causation.CAUSATION_ID_KEY, held.getIdentifier())
                .containsEntry(Causation.CAUSING_EVENT_ID_KEY, held.getIdentifier())
                .containsEntry(Causation.CORRELATION_ID_KEY, hold.getIdentifier())
                .containsEntry(Actor.USER_ID_KEY, "guest-1");

        DeadlineMessage<?> expiry = madeWhileHandling(confirm,
                () -> GenericDeadlineMessage.asDeadlineMessage("holdExpiry", new HoldExpiry(), Instant.now()));
        assertThat(expiry.getMetaData()).containsEntry(Causation.CAUSATION_ID_KEY, confirm.getIdentifier())
                .containsEntry(Causation.CAUSING_EVENT_ID_KEY, held.getIdentifier())
                .containsEntry(Causation.CORRELATION_ID_KEY, hold.getIdentifier());

        EventMessage<?> expired = madeWhileHandling(expiry, () -> GenericEventMessage.asEventMessage(new HoldExpired()));
        assertThat(expired.getMetaData()).containsEntry(Causation.CAUSATION_ID_KEY, expiry.getIdentifier())
                .containsEntry(Causation.CAUSATION_TYPE_KEY, "deadline:holdExpiry")
                .containsEntry(Causation.SCHEDULED_BY_KEY, confirm.getIdentifier())
                .containsEntry(Causation.CAUSING_EVENT_ID_KEY, held.getIdentifier())
                .containsEntry(Causation.CORRELATION_ID_KEY, hold.getIdentifier())
                .containsEntry(Actor.USER_ID_KEY, Actor.SYSTEM).containsEntry(ActorKind.KEY, "DEADLINE");
    }

    @Test
    void aProvidersCommandIsARootOfKindProvider() {
        CommandMessage<?> capture = stamp(GenericCommandMessage.asCommandMessage(new ConfirmSeats())
                .andMetaData(Map.of(Actor.USER_ID_KEY, "provider:stripe", Actor.ROLES_KEY, "")));

        assertThat(capture.getMetaData()).containsEntry(ActorKind.KEY, "PROVIDER")
                .containsEntry(Causation.CORRELATION_ID_KEY, capture.getIdentifier());
    }

    @Test
    void aMessageStoredWithAxonsFormerPairContinuesItsChainFromTheRootItNamed() {
        EventMessage<?> legacy = GenericEventMessage.asEventMessage(new SeatsHeld())
                .andMetaData(Map.of("correlationId", "parent", Causation.LEGACY_ROOT_KEY, "root", Actor.USER_ID_KEY, "guest-1"));

        CommandMessage<?> next = madeWhileHandling(legacy, () -> GenericCommandMessage.asCommandMessage(new ConfirmSeats()));

        assertThat(next.getMetaData()).containsEntry(Causation.CORRELATION_ID_KEY, "root")
                .containsEntry(Causation.CAUSATION_ID_KEY, legacy.getIdentifier()).containsEntry(ActorKind.KEY, "USER");
    }

    private static <M> M madeWhileHandling(org.axonframework.messaging.Message<?> cause, java.util.function.Supplier<M> make) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(cause);
        unitOfWork.registerCorrelationDataProvider(new CausationProvider());
        unitOfWork.registerCorrelationDataProvider(new ActorProvider());
        try {
            return make.get();
        } finally {
            unitOfWork.rollback();
        }
    }

    private CommandMessage<?> stamp(CommandMessage<?> command) {
        return stamping.handle(List.of(command)).apply(0, command);
    }
}
