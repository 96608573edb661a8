package app.soiree.query.social;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The items of the social lists; each list names its time field as the API does. */
final class ListedUser {

    private ListedUser() {
    }

    /** {@code /followers} and {@code /following}. */
    record Follow(UserId userId, String displayName, Instant followedAt) {
    }

    /** {@code /api/me/follow-requests}. */
    record Request(UserId userId, String displayName, Instant requestedAt) {
    }

    /** {@code /api/me/blocks}. */
    record Block(UserId userId, String displayName, Instant blockedAt) {
    }

    /** {@code /api/me/banned-guests}; the reason is the host's own note. */
    record BannedGuest(UserId userId, String displayName, @Nullable String reason, Instant bannedAt) {
    }
}
