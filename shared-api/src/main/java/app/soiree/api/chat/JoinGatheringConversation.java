package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Guests whose bookings of the gathering were confirmed join, together; those who are members already, or banned, are left out. */
public record JoinGatheringConversation(@TargetAggregateIdentifier ConversationId conversationId, List<UserId> guestIds) {

    public JoinGatheringConversation {
        guestIds = List.copyOf(guestIds);
    }
}
