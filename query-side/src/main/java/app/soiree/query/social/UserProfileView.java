package app.soiree.query.social;

import app.soiree.api.identity.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/users/{id}}. A count is null for whoever may not see its list (the owner's privacy); the owner always
 * sees both. {@code relationship} is null for anonymous callers and on one's own profile.
 */
record UserProfileView(UserId userId, String displayName, @Nullable String bio, @Nullable UUID avatarMediaId, boolean isHost,
                       @Nullable Long followers, @Nullable Long following, @Nullable Relationship relationship) {

    /**
     * The caller's side: {@code following} (the caller follows them), {@code followedBy} (they follow the caller),
     * {@code blocked} (the caller blocked them), {@code requested} (the caller's request waits for their approval),
     * {@code banned} (the caller, a host, banned them from their gatherings; null when the caller is not a host).
     */
    record Relationship(boolean following, boolean followedBy, boolean blocked, boolean requested, @Nullable Boolean banned) {
    }
}
