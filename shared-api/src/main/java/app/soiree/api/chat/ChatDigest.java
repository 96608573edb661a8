package app.soiree.api.chat;

import app.soiree.api.identity.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A conversation's members with unread messages who are not connected.
 *
 * @param title           a group's title or a gathering's; null for a direct conversation (it is named after the other person)
 * @param lastAuthorName  who wrote the latest message, as members see them
 */
public record ChatDigest(ConversationKind kind, @Nullable String title, @Nullable UserId lastAuthorId, @Nullable String lastAuthorName,
                         List<Away> away) {

    public ChatDigest {
        away = List.copyOf(away);
    }

    /** @param lastReadSeq where their read marker stands: a digest is sent once per marker position */
    public record Away(UserId userId, long unread, long lastReadSeq) {
    }
}
