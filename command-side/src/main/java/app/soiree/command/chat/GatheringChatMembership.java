package app.soiree.command.chat;

import app.soiree.api.chat.CloseGatheringConversation;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.JoinGatheringConversation;
import app.soiree.api.chat.LeaveGatheringConversation;
import app.soiree.api.chat.MemberUnbanned;
import app.soiree.api.chat.OpenGatheringConversation;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.identity.UserId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each gathering's conversation in step with the gathering: opened when it is published, a
 * guest in from their first confirmed booking and out when their last one is cancelled, read-only
 * {@code soiree.chat.gathering-read-only-after} after it ends and at once when it is cancelled.
 *
 * <p>A tracking processor with one segment, so it sees a gathering's events in order, at least once:
 * every command it sends is idempotent, and its table of confirmed bookings is written with the same
 * guard. A failing step is retried, never skipped (see {@link ChatConfiguration}).
 *
 * <p>Guests confirmed one after the other within a batch join together: one change that every member fetches and is
 * pushed, not one per guest (a rush confirms hundreds of guests in seconds). They join before anything else this
 * processor does, and at the latest as the batch commits, so every step still happens in the stream's order.
 */
@Component
@ProcessingGroup(GatheringChatMembership.PROCESSING_GROUP)
class GatheringChatMembership {

    static final String PROCESSING_GROUP = "chat-membership";
    private static final String WAITING_GUESTS = GatheringChatMembership.class.getName() + ".waitingGuests";

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final ChatProperties properties;

    GatheringChatMembership(CommandGateway commands, JdbcTemplate jdbc, ChatProperties properties) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventHandler
    void on(GatheringPublished event) {
        joinWaitingGuests();
        commands.sendAndWait(new OpenGatheringConversation(ConversationId.ofGathering(event.gatheringId()), event.gatheringId(),
                event.hostId()));
    }

    @EventHandler
    void on(SeatsConfirmed event) {
        jdbc.update("insert into chat_gathering_guests (gathering_id, guest_id, booking_id) values (?, ?, ?) on conflict do nothing",
                event.gatheringId().value(), event.guestId().value(), event.bookingId().value());
        waitingGuests().computeIfAbsent(ConversationId.ofGathering(event.gatheringId()), conversation -> new LinkedHashSet<>())
                .add(event.guestId());
    }

    @EventHandler
    void on(BookingCancelled event) {
        if (!event.wasConfirmed()) {
            return;
        }
        joinWaitingGuests();
        jdbc.update("delete from chat_gathering_guests where booking_id = ?", event.bookingId().value());
        if (!hasConfirmedBooking(event.gatheringId(), event.guestId())) {
            commands.sendAndWait(new LeaveGatheringConversation(ConversationId.ofGathering(event.gatheringId()), event.guestId()));
        }
    }

    @EventHandler
    void on(GatheringEnded event) {
        joinWaitingGuests();
        commands.sendAndWait(new CloseGatheringConversation(ConversationId.ofGathering(event.gatheringId()),
                event.endedAt().plus(properties.gatheringReadOnlyAfter())));
    }

    @EventHandler
    void on(GatheringCancelled event) {
        joinWaitingGuests();
        commands.sendAndWait(new CloseGatheringConversation(ConversationId.ofGathering(event.gatheringId()), event.cancelledAt()));
    }

    /** A guest banned and then let back in rejoins at once if a booking of theirs still stands. */
    @EventHandler
    void on(MemberUnbanned event) {
        joinWaitingGuests();
        GatheringId gatheringId = gatheringOf(event.conversationId());
        if (gatheringId != null && hasConfirmedBooking(gatheringId, event.userId())) {
            commands.sendAndWait(new JoinGatheringConversation(event.conversationId(), List.of(event.userId())));
        }
    }

    @EventHandler
    void on(ConversationStarted event) {
        if (event.kind() == ConversationKind.GATHERING && event.gatheringId() != null) {
            jdbc.update("insert into chat_gathering_conversations (conversation_id, gathering_id) values (?, ?) on conflict do nothing",
                    event.conversationId().value(), event.gatheringId().value());
        }
    }

    /** The guests confirmed in this batch and not joined yet, by conversation; joined when the batch commits, if not before. */
    private Map<ConversationId, Set<UserId>> waitingGuests() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(WAITING_GUESTS, key -> {
            batch.onPrepareCommit(committing -> joinWaitingGuests());
            return new LinkedHashMap<>();
        });
    }

    private void joinWaitingGuests() {
        Map<ConversationId, Set<UserId>> waiting = CurrentUnitOfWork.get().root().getResource(WAITING_GUESTS);
        if (waiting == null || waiting.isEmpty()) {
            return;
        }
        List<JoinGatheringConversation> joins = waiting.entrySet().stream()
                .map(entry -> new JoinGatheringConversation(entry.getKey(), List.copyOf(entry.getValue()))).toList();
        waiting.clear();
        joins.forEach(commands::sendAndWait);
    }

    private @Nullable GatheringId gatheringOf(ConversationId conversationId) {
        return jdbc.query("select gathering_id from chat_gathering_conversations where conversation_id = ?",
                (rs, row) -> new GatheringId(rs.getObject(1, UUID.class)), conversationId.value()).stream().findFirst().orElse(null);
    }

    private boolean hasConfirmedBooking(GatheringId gatheringId, UserId guestId) {
        Integer count = jdbc.queryForObject("select count(*) from chat_gathering_guests where gathering_id = ? and guest_id = ?",
                Integer.class, gatheringId.value(), guestId.value());
        return count != null && count > 0;
    }

}
