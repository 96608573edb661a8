package app.soiree.api.media;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a medium is attached to: a message ({@code targetId} the message, {@code scopeId} its conversation), a user's
 * avatar ({@code targetId} the user) or a gathering's cover ({@code targetId} the gathering).
 */
public record MediaAttachment(AttachmentKind kind, UUID targetId, @Nullable UUID scopeId) {

    public MediaAttachment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetId, "targetId");
    }

    public static MediaAttachment message(UUID messageId, UUID conversationId) {
        return new MediaAttachment(AttachmentKind.MESSAGE, messageId, conversationId);
    }

    public static MediaAttachment avatar(UUID userId) {
        return new MediaAttachment(AttachmentKind.AVATAR, userId, null);
    }

    public static MediaAttachment cover(UUID gatheringId) {
        return new MediaAttachment(AttachmentKind.GATHERING_COVER, gatheringId, null);
    }
}
