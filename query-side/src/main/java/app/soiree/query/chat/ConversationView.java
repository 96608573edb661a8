package app.soiree.query.chat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.MemberRole;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/conversations/{id}}. The title is a group's own, a gathering's title for its
 * conversation, and the other member's name in a direct one.
 */
record ConversationView(ConversationId conversationId, ConversationKind kind, @Nullable String title, @Nullable GatheringId gatheringId,
                        List<Member> members, Settings settings) {

    /** {@code displayName} is null only while the user's profile has not reached the read side. */
    record Member(UserId userId, @Nullable String displayName, MemberRole role) {
    }

    record Settings(int slowModeSeconds, boolean readOnly) {
    }
}
